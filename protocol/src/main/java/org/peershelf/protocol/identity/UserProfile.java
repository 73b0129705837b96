package org.peershelf.protocol.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * The person behind one or more devices. Display name is required; the rest is optional and may be
 * empty strings, never null. A profile made or loaded on this computer also holds the user's key
 * ({@link #userKey}), so the peer can endorse its device; the key is not part of the profile's
 * value ({@code equals}, {@code toString}) and is never published.
 */
public record UserProfile(UserId userId, String displayName, String institution, String field, String orcid,
                          String email, UserKey key) {
    public UserProfile {
        Objects.requireNonNull(userId, "userId");
        displayName = Objects.requireNonNullElse(displayName, "").strip();
        institution = Objects.requireNonNullElse(institution, "").strip();
        field = Objects.requireNonNullElse(field, "").strip();
        orcid = Objects.requireNonNullElse(orcid, "").strip();
        email = Objects.requireNonNullElse(email, "").strip();
        if (displayName.isEmpty()) {
            throw new IllegalArgumentException("A display name is required.");
        }
        if (key != null && !key.userId().equals(userId)) {
            throw new IllegalArgumentException("The user key is not the key of user " + userId + ".");
        }
    }

    /** A profile without its key (as read from the registry). */
    public UserProfile(UserId userId, String displayName, String institution, String field, String orcid,
                       String email) {
        this(userId, displayName, institution, field, orcid, email, null);
    }

    /** A new user: a new user key and the id derived from it. */
    public static UserProfile create(String displayName, String institution, String field) {
        UserKey key = UserKey.generate();
        return new UserProfile(key.userId(), displayName, institution, field, "", "", key);
    }

    /** The user's key, when this profile was made or loaded on this computer with it. */
    public Optional<UserKey> userKey() {
        return Optional.ofNullable(key);
    }

    /** This profile under the id of {@code newKey}: a profile of an older version being bound to a key. */
    public UserProfile boundTo(UserKey newKey) {
        return new UserProfile(newKey.userId(), displayName, institution, field, orcid, email, newKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserProfile p && userId.equals(p.userId) && displayName.equals(p.displayName)
                && institution.equals(p.institution) && field.equals(p.field) && orcid.equals(p.orcid)
                && email.equals(p.email);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, displayName, institution, field, orcid, email);
    }

    @Override
    public String toString() {
        return "UserProfile[userId=" + userId + ", displayName=" + displayName + ", institution=" + institution
                + ", field=" + field + ", orcid=" + orcid + ", email=" + email + "]";
    }
}
