package org.peershelf.protocol.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.peershelf.protocol.PeerShelfException;
import org.peershelf.protocol.store.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this device's key pair ({@code device-key.json}) and the user's profile ({@code profile.json})
 * in the profile folder. The key is made once, at first run, and never changes: the device id is
 * derived from it.
 */
public final class IdentityStore {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityStore.class);
    private static final String KEY_FILE = "device-key.json";
    private static final String PROFILE_FILE = "profile.json";

    private final Path folder;
    private final ObjectMapper json = new ObjectMapper();

    public IdentityStore(Path profileFolder) {
        this.folder = profileFolder;
    }

    private record StoredKey(String algorithm, String publicKey, String privateKey) {
    }

    private record StoredProfile(String userId, String displayName, String institution, String field, String orcid,
                                 String email) {
    }

    /** Loads the device key, making and saving a new one on first run. */
    public DeviceIdentity loadOrCreateDevice() {
        Path file = folder.resolve(KEY_FILE);
        try {
            if (Files.exists(file)) {
                StoredKey stored = json.readValue(file.toFile(), StoredKey.class);
                KeyFactory factory = KeyFactory.getInstance(stored.algorithm());
                KeyPair pair = new KeyPair(
                        factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(stored.publicKey()))),
                        factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(stored.privateKey()))));
                return new DeviceIdentity(pair);
            }
            DeviceIdentity created = DeviceIdentity.generate();
            KeyPair pair = created.keyPair();
            StoredKey stored = new StoredKey("Ed25519",
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                    Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            AtomicFiles.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(stored));
            restrictToOwner(file);
            LOG.info("Created device key {} in {}", created.deviceId().shortForm(), folder);
            return created;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new PeerShelfException("The device key in " + file + " cannot be read. Restore it from a backup, "
                    + "or move the profile folder away to start as a new device.", e);
        }
    }

    public Optional<UserProfile> loadProfile() {
        Path file = folder.resolve(PROFILE_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            StoredProfile p = json.readValue(file.toFile(), StoredProfile.class);
            return Optional.of(new UserProfile(new UserId(p.userId()), p.displayName(), p.institution(), p.field(),
                    p.orcid(), p.email()));
        } catch (IOException | IllegalArgumentException e) {
            throw new PeerShelfException("The profile in " + file + " cannot be read.", e);
        }
    }

    public void saveProfile(UserProfile profile) {
        StoredProfile stored = new StoredProfile(profile.userId().value(), profile.displayName(),
                profile.institution(), profile.field(), profile.orcid(), profile.email());
        try {
            AtomicFiles.write(folder.resolve(PROFILE_FILE), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(stored));
        } catch (IOException e) {
            throw new PeerShelfException("The profile could not be saved in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException ignored) {
            // not a POSIX file system (Windows): the profile folder is already per user
        }
    }
}
