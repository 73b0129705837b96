package org.peershelf.protocol.identity;

import java.util.Objects;
import java.util.UUID;

/** A user's id: random, made once when the profile is created, shared by all of that user's devices. */
public record UserId(String value) {
    public UserId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("not a user id");
        }
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
