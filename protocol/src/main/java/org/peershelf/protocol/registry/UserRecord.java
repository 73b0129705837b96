package org.peershelf.protocol.registry;

import org.peershelf.protocol.identity.UserProfile;

/** A user as published in the registry's {@code users} collection. */
public record UserRecord(UserProfile profile, long updatedAtMillis) {
}
