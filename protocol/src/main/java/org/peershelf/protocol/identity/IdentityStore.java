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
 * Keeps this device's key pair ({@code device-key.json}), the user's key ({@code user-key.json}) and the
 * user's profile ({@code profile.json}) in the profile folder. The device key is made once, at first
 * run, and never changes: the device id is derived from it. The user key is made with the profile (or,
 * for a profile of an older version, when it is first loaded) and the user id is derived from it; a
 * second device of the same user imports the first one's user key ({@link #importUserKey}).
 */
public final class IdentityStore {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityStore.class);
    private static final String KEY_FILE = "device-key.json";
    private static final String PROFILE_FILE = "profile.json";
    private static final String USER_KEY_FILE = "user-key.json";

    private final Path folder;
    private final ObjectMapper json = new ObjectMapper();

    public IdentityStore(Path profileFolder) {
        this.folder = profileFolder;
    }

    private record StoredKey(String algorithm, String publicKey, String privateKey) {
    }

    /** @param previousUserId the random id an older version made, before the profile was bound to a user key */
    private record StoredProfile(String userId, String displayName, String institution, String field, String orcid,
                                 String email, String previousUserId) {
    }

    /** Loads the device key, making and saving a new one on first run. */
    public DeviceIdentity loadOrCreateDevice() {
        Path file = folder.resolve(KEY_FILE);
        try {
            if (Files.exists(file)) {
                return new DeviceIdentity(readKey(file));
            }
            DeviceIdentity created = DeviceIdentity.generate();
            writeKey(file, created.keyPair());
            LOG.info("Created device key {} in {}", created.deviceId().shortForm(), folder);
            return created;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new PeerShelfException("The device key in " + file + " cannot be read. Restore it from a backup, "
                    + "or move the profile folder away to start as a new device.", e);
        }
    }

    /** The user key, if this profile folder has one. */
    public Optional<UserKey> loadUserKey() {
        Path file = folder.resolve(USER_KEY_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new UserKey(readKey(file)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new PeerShelfException("The user key in " + file + " cannot be read. Restore it from a backup, "
                    + "or import it again from another device of yours.", e);
        }
    }

    /**
     * Makes {@code source} (the {@code user-key.json} of another device of the same user) this profile's
     * user key: the way a second device joins its user. The profile is bound to it at the next
     * {@link #loadProfile}.
     *
     * @throws PeerShelfException if the file is not a user key, or this folder already has another one
     */
    public UserKey importUserKey(Path source) {
        UserKey imported;
        try {
            imported = new UserKey(readKey(source));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new PeerShelfException(source + " is not a PeerShelf user key (user-key.json of another device).", e);
        }
        Optional<UserKey> existing = loadUserKey();
        if (existing.isPresent() && !existing.get().equals(imported)) {
            throw new PeerShelfException("This profile already belongs to user " + existing.get().userId()
                    + "; move the profile folder away to join as user " + imported.userId() + ".");
        }
        if (existing.isEmpty()) {
            storeUserKey(imported);
        }
        return imported;
    }

    private UserKey loadOrCreateUserKey() {
        return loadUserKey().orElseGet(() -> {
            UserKey created = UserKey.generate();
            storeUserKey(created);
            LOG.info("Created user key of user {} in {}", created.userId(), folder);
            return created;
        });
    }

    private void storeUserKey(UserKey key) {
        Path file = folder.resolve(USER_KEY_FILE);
        try {
            writeKey(file, key.keyPair());
        } catch (IOException e) {
            throw new PeerShelfException("The user key could not be saved in " + folder + ": " + e.getMessage(), e);
        }
    }

    private KeyPair readKey(Path file) throws IOException, GeneralSecurityException {
        StoredKey stored = json.readValue(file.toFile(), StoredKey.class);
        if (stored.algorithm() == null || stored.publicKey() == null || stored.privateKey() == null) {
            throw new IllegalArgumentException("not a key file");
        }
        KeyFactory factory = KeyFactory.getInstance(stored.algorithm());
        return new KeyPair(
                factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(stored.publicKey()))),
                factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(stored.privateKey()))));
    }

    private void writeKey(Path file, KeyPair pair) throws IOException {
        StoredKey stored = new StoredKey("Ed25519",
                Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        AtomicFiles.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(stored));
        restrictToOwner(file);
    }

    /**
     * The profile with its user key. A profile of an older version (a random user id, no user key) gets
     * a new user key and the id derived from it, saved at once with the old id kept as
     * {@code previousUserId}; so does a profile whose folder was given another user's key to import.
     */
    public Optional<UserProfile> loadProfile() {
        Path file = folder.resolve(PROFILE_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        StoredProfile p;
        UserProfile profile;
        try {
            p = json.readValue(file.toFile(), StoredProfile.class);
            profile = new UserProfile(new UserId(p.userId()), p.displayName(), p.institution(), p.field(),
                    p.orcid(), p.email());
        } catch (IOException | IllegalArgumentException e) {
            throw new PeerShelfException("The profile in " + file + " cannot be read.", e);
        }
        UserKey key = loadOrCreateUserKey();
        if (key.userId().equals(profile.userId())) {
            return Optional.of(profile.boundTo(key));
        }
        LOG.info("Binding the profile of {} to its user key: user id {} becomes {}", profile.displayName(),
                profile.userId(), key.userId());
        UserProfile bound = profile.boundTo(key);
        write(bound, p.previousUserId() != null ? p.previousUserId() : p.userId());
        return Optional.of(bound);
    }

    /**
     * Saves the profile, bound to this folder's user key: the one already there (made by an older
     * version, or imported from another device of the user), else the profile's own, else a new one.
     * A profile made with another id is saved under the key's id.
     *
     * @return the profile as saved, with its user key
     */
    public UserProfile saveProfile(UserProfile profile) {
        UserKey key = loadUserKey().orElseGet(() -> {
            UserKey own = profile.userKey().orElseGet(UserKey::generate);
            storeUserKey(own);
            return own;
        });
        boolean rebound = !key.userId().equals(profile.userId());
        if (rebound) {
            LOG.info("Saving the profile of {} as user {}, the user of this folder's user key", profile.displayName(),
                    key.userId());
        }
        UserProfile bound = profile.boundTo(key);
        write(bound, rebound && profile.userKey().isEmpty() ? profile.userId().value() : null);
        return bound;
    }

    private void write(UserProfile profile, String previousUserId) {
        StoredProfile stored = new StoredProfile(profile.userId().value(), profile.displayName(),
                profile.institution(), profile.field(), profile.orcid(), profile.email(), previousUserId);
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
