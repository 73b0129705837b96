package org.peershelf.protocol.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.protocol.PeerShelfException;
import org.peershelf.protocol.registry.DeviceRecord;

/** User ids are bound to a user key, which endorses the user's devices; older profiles are rebound when loaded. */
class UserKeyTest {
    @TempDir
    Path folder;

    @Test
    void anEndorsementVerifiesOnlyForItsUserItsKeyAndItsDevice() {
        UserKey ada = UserKey.generate();
        UserKey mallory = UserKey.generate();
        DeviceId laptop = DeviceIdentity.generate().deviceId();
        DeviceId other = DeviceIdentity.generate().deviceId();
        String endorsement = ada.endorse(laptop);
        assertThat(UserKey.verifyEndorsement(ada.userId(), ada.publicKeyBase64(), laptop, endorsement)).isTrue();
        assertThat(UserKey.verifyEndorsement(ada.userId(), ada.publicKeyBase64(), other, endorsement)).isFalse();
        // mallory's key does not give ada's id, and her own endorsement does not verify under ada's id
        assertThat(UserKey.verifyEndorsement(ada.userId(), mallory.publicKeyBase64(), laptop,
                mallory.endorse(laptop))).isFalse();
        assertThat(UserKey.verifyEndorsement(mallory.userId(), mallory.publicKeyBase64(), laptop, endorsement)).isFalse();
        assertThat(UserKey.verifyEndorsement(ada.userId(), "%%", laptop, endorsement)).isFalse();
    }

    @Test
    void aDeviceRecordClaimingAUserWithoutItsKeyIsNotEndorsed() {
        UserKey ada = UserKey.generate();
        DeviceIdentity device = DeviceIdentity.generate();
        assertThat(DeviceRecord.endorsed(ada, device.deviceId(), device.publicKeyBase64(), "d", 1).endorsementVerifies())
                .isTrue();
        assertThat(new DeviceRecord(device.deviceId(), ada.userId(), device.publicKeyBase64(), "d", 1)
                .endorsementVerifies()).isFalse();
        UserKey mallory = UserKey.generate();
        assertThat(new DeviceRecord(device.deviceId(), ada.userId(), device.publicKeyBase64(), "d", 1,
                mallory.publicKeyBase64(), mallory.endorse(device.deviceId())).endorsementVerifies()).isFalse();
    }

    @Test
    void aProfileOfAnOlderVersionIsBoundToANewUserKeyWhenLoadedAndKeepsItsOtherFields() throws Exception {
        Files.writeString(folder.resolve("profile.json"), """
                {"userId":"5f0c4b7e-2f55-4a53-9d3c-8f1a2b3c4d5e","displayName":"Ada Lovelace","institution":"London",
                 "field":"Mathematics","orcid":"","email":"ada@example.org"}""");
        UserProfile loaded = new IdentityStore(folder).loadProfile().orElseThrow();
        assertThat(loaded.userId().value()).startsWith("u").hasSize(41);
        assertThat(loaded.userKey().orElseThrow().userId()).isEqualTo(loaded.userId());
        assertThat(loaded.email()).isEqualTo("ada@example.org");
        assertThat(Files.readString(folder.resolve("profile.json")))
                .contains("\"previousUserId\" : \"5f0c4b7e-2f55-4a53-9d3c-8f1a2b3c4d5e\"");
        UserProfile again = new IdentityStore(folder).loadProfile().orElseThrow();
        assertThat(again).isEqualTo(loaded);
        assertThat(again.userKey()).isEqualTo(loaded.userKey());
    }

    @Test
    void aSecondDeviceThatImportsTheUserKeyBecomesTheSameUser(@TempDir Path second) {
        UserProfile first = new IdentityStore(folder).saveProfile(UserProfile.create("Ada", "London", "Maths"));
        IdentityStore secondStore = new IdentityStore(second);
        secondStore.importUserKey(folder.resolve("user-key.json"));
        UserProfile onSecond = secondStore.saveProfile(UserProfile.create("Ada", "London", "Maths"));
        assertThat(onSecond.userId()).isEqualTo(first.userId());
        assertThat(secondStore.loadOrCreateDevice().deviceId())
                .isNotEqualTo(new IdentityStore(folder).loadOrCreateDevice().deviceId());
    }

    @Test
    void importingAnotherUsersKeyIntoABoundProfileIsRefused(@TempDir Path other) throws Exception {
        new IdentityStore(folder).saveProfile(UserProfile.create("Ada", "", ""));
        new IdentityStore(other).saveProfile(UserProfile.create("Grace", "", ""));
        assertThatThrownBy(() -> new IdentityStore(folder).importUserKey(other.resolve("user-key.json")))
                .isInstanceOf(PeerShelfException.class).hasMessageContaining("already belongs");
        Files.writeString(other.resolve("junk.json"), "{}");
        assertThatThrownBy(() -> new IdentityStore(folder).importUserKey(other.resolve("junk.json")))
                .isInstanceOf(PeerShelfException.class).hasMessageContaining("not a PeerShelf user key");
    }
}
