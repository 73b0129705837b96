package org.peershelf.protocol.identity;

import java.util.Objects;

/**
 * The person behind one or more devices. Display name is required; the rest is optional and may be
 * empty strings, never null.
 */
public record UserProfile(UserId userId, String displayName, String institution, String field, String orcid,
                          String email) {
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
    }

    public static UserProfile create(String displayName, String institution, String field) {
        return new UserProfile(UserId.random(), displayName, institution, field, "", "");
    }
}
