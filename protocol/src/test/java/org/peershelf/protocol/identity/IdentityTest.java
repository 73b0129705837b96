package org.peershelf.protocol.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.protocol.PeerShelfException;

class IdentityTest {
    @TempDir
    Path profile;

    @Test
    void deviceIdDerivesFromThePublicKey() {
        DeviceIdentity identity = DeviceIdentity.generate();
        assertThat(identity.deviceId()).isEqualTo(DeviceId.fromPublicKey(identity.publicKey()));
        assertThat(identity.deviceId().value()).hasSize(40).matches("[0-9a-f]+");
        assertThat(DeviceIdentity.generate().deviceId()).isNotEqualTo(identity.deviceId());
    }

    @Test
    void signaturesVerifyOnlyForTheSignerAndTheSameData() {
        DeviceIdentity signer = DeviceIdentity.generate();
        byte[] data = "challenge".getBytes(StandardCharsets.UTF_8);
        byte[] signature = signer.sign(data);
        assertThat(DeviceIdentity.verify(signer.publicKey(), data, signature)).isTrue();
        assertThat(DeviceIdentity.verify(signer.publicKey(), "other".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(DeviceIdentity.verify(DeviceIdentity.generate().publicKey(), data, signature)).isFalse();
        assertThat(DeviceIdentity.verify(new byte[] {1, 2, 3}, data, signature)).isFalse();
    }

    @Test
    void signaturesAreTheStandardEd25519OnesTheJdkProducesAndAccepts() throws Exception {
        DeviceIdentity signer = DeviceIdentity.generate();
        byte[] data = "peershelf/handshake/v1|listener|nonce".getBytes(StandardCharsets.UTF_8);

        java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
        jdk.initVerify(signer.keyPair().getPublic());
        jdk.update(data);
        assertThat(jdk.verify(signer.sign(data))).isTrue();

        jdk.initSign(signer.keyPair().getPrivate());
        jdk.update(data);
        byte[] jdkSignature = jdk.sign();
        assertThat(signer.sign(data)).isEqualTo(jdkSignature); // Ed25519 is deterministic
        assertThat(DeviceIdentity.verify(signer.publicKey(), data, jdkSignature)).isTrue();

        jdkSignature[5] ^= 1;
        assertThat(DeviceIdentity.verify(signer.publicKey(), data, jdkSignature)).isFalse();
    }

    @Test
    void deviceKeyIsMadeOnceAndKeptAcrossRestarts() {
        DeviceIdentity first = new IdentityStore(profile).loadOrCreateDevice();
        DeviceIdentity again = new IdentityStore(profile).loadOrCreateDevice();
        assertThat(again.deviceId()).isEqualTo(first.deviceId());
        byte[] data = {7};
        assertThat(DeviceIdentity.verify(first.publicKey(), data, again.sign(data))).isTrue();
    }

    @Test
    void profileRoundTripsAndIsAbsentOnFirstRun() {
        IdentityStore store = new IdentityStore(profile);
        assertThat(store.loadProfile()).isEmpty();
        UserProfile ada = new UserProfile(UserId.random(), "Ada Lovelace", "Analytical Society", "Mathematics",
                "0000-0002-1825-0097", "ada@example.org");
        UserProfile saved = store.saveProfile(ada);
        assertThat(saved.userId()).isEqualTo(saved.userKey().orElseThrow().userId());
        assertThat(saved.displayName()).isEqualTo(ada.displayName());
        assertThat(new IdentityStore(profile).loadProfile()).contains(saved);
    }

    @Test
    void damagedKeyFileGivesAReadableError() throws Exception {
        Files.writeString(profile.resolve("device-key.json"), "{\"algorithm\":\"Ed25519\",\"publicKey\":\"%%\"}");
        assertThatThrownBy(() -> new IdentityStore(profile).loadOrCreateDevice())
                .isInstanceOf(PeerShelfException.class).hasMessageContaining("cannot be read");
    }

    @Test
    void displayNameIsRequired() {
        assertThatThrownBy(() -> UserProfile.create("  ", "", "")).hasMessageContaining("display name");
    }

    @Test
    void malformedDeviceIdsAreRejected() {
        assertThat(DeviceId.isValid("ABC")).isFalse();
        assertThatThrownBy(() -> DeviceId.of("../../etc")).isInstanceOf(IllegalArgumentException.class);
    }
}
