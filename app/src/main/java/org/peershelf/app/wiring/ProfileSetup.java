package org.peershelf.app.wiring;

import java.nio.file.Path;
import java.util.Optional;
import org.peershelf.protocol.PeerShelfException;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.IdentityStore;
import org.peershelf.protocol.identity.UserProfile;

/**
 * The local half of registration: a profile folder holds the user's profile and this device's key.
 * A new user makes both here; a returning device loads them.
 */
public final class ProfileSetup {
    private final IdentityStore store;

    public ProfileSetup(Path profileDir) {
        this.store = new IdentityStore(profileDir);
    }

    public Optional<UserProfile> existingProfile() {
        return store.loadProfile();
    }

    /**
     * Saves a new user's profile; the device key is made with it if this is the first run. Returns the
     * profile as saved: bound to the folder's user key, so its id may differ from the one given.
     */
    public UserProfile register(UserProfile profile) {
        UserProfile saved = store.saveProfile(profile);
        store.loadOrCreateDevice();
        return saved;
    }

    /** The profile, made from {@code nameForNewUser} on the first run; a clear error if there is neither. */
    public UserProfile profileOrRegister(Optional<String> nameForNewUser, String institution, String field) {
        Optional<UserProfile> existing = store.loadProfile();
        if (existing.isPresent()) {
            return existing.get();
        }
        String name = nameForNewUser.orElseThrow(() -> new PeerShelfException(
                "This profile folder has no profile yet. Give a display name (--name) to create one."));
        return register(UserProfile.create(name, institution, field));
    }

    public DeviceIdentity device() {
        return store.loadOrCreateDevice();
    }
}
