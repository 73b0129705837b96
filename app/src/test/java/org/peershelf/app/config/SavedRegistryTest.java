package org.peershelf.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedRegistryTest {
    @TempDir
    Path profile;

    @Test
    void thePasswordGoesIntoAnOwnerOnlyFileAndTheAddressIntoTheSettings() throws IOException {
        SavedRegistry saved = new SavedRegistry(profile);

        saved.save("mongodb://alice:pa%3Ass@db1.example.org:27017,db2.example.org/peers?authSource=admin");

        assertThat(new SettingsFile(profile).get(SettingsFile.REGISTRY_URI))
                .contains("mongodb://alice@db1.example.org:27017,db2.example.org/peers?authSource=admin");
        Path secret = profile.resolve(SavedRegistry.PASSWORD_FILE);
        assertThat(Files.readString(secret)).isEqualTo("pa%3Ass");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        }
        assertThat(saved.load())
                .contains("mongodb://alice:pa%3Ass@db1.example.org:27017,db2.example.org/peers?authSource=admin");
    }

    @Test
    void anAddressWithoutAPasswordLeavesNoPasswordFile() {
        SavedRegistry saved = new SavedRegistry(profile);
        saved.save("mongodb://alice:old@lab:27017");

        saved.save("mongodb://lab:27017");

        assertThat(Files.exists(profile.resolve(SavedRegistry.PASSWORD_FILE))).isFalse();
        assertThat(saved.load()).contains("mongodb://lab:27017");
    }

    @Test
    void aPasswordSavedInTheSettingsByAnOlderVersionIsMovedOutOnFirstRead() throws IOException {
        new SettingsFile(profile).put(SettingsFile.REGISTRY_URI, "mongodb+srv://bob:hunter2@cluster0.example.org/peershelf");

        assertThat(new SavedRegistry(profile).load()).contains("mongodb+srv://bob:hunter2@cluster0.example.org/peershelf");

        assertThat(Files.readString(profile.resolve("settings.properties"))).doesNotContain("hunter2");
        assertThat(new SavedRegistry(profile).load()).contains("mongodb+srv://bob:hunter2@cluster0.example.org/peershelf");
    }

    @Test
    void clearingForgetsAddressAndPassword() {
        SavedRegistry saved = new SavedRegistry(profile);
        saved.save("mongodb://alice:pw@lab:27017");

        saved.clear();

        assertThat(saved.load()).isEmpty();
        assertThat(Files.exists(profile.resolve(SavedRegistry.PASSWORD_FILE))).isFalse();
    }

    @Test
    void aPasswordFileLeftWithWiderRightsIsNarrowedOnSave() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path secret = Files.writeString(profile.resolve(SavedRegistry.PASSWORD_FILE), "old");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));

        new SavedRegistry(profile).save("mongodb://alice:new@lab:27017");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
    }

    @Test
    void addressesWithoutUserInfoOrWithOnlyAUserAreLeftAlone() {
        assertThat(UriPassword.split("mongodb://lab:27017/db").password()).isEmpty();
        assertThat(UriPassword.split("mongodb://carol@lab:27017/db?authMechanism=MONGODB-X509").withoutPassword())
                .isEqualTo("mongodb://carol@lab:27017/db?authMechanism=MONGODB-X509");
        assertThat(UriPassword.split("mongodb://carol@lab:27017/db?x=a:b@c").password()).isEmpty();
    }
}
