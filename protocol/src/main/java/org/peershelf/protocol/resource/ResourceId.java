package org.peershelf.protocol.resource;

import java.util.Objects;

/**
 * A resource's id: the SHA-256, in 64 lower-case hex digits, of the canonical form of its metadata and manifest
 * ({@link CanonicalForm}). Same bytes and same metadata give the same id on every machine, and a peer that receives a
 * resource can check that the id belongs to what it received.
 */
public record ResourceId(String hex) implements Comparable<ResourceId> {
    public static final int HEX_LENGTH = 64;

    public ResourceId {
        Objects.requireNonNull(hex, "hex");
        if (!isValid(hex)) {
            throw new IllegalArgumentException("not a resource id: "
                    + (hex.length() > 72 ? hex.substring(0, 72) + "…" : hex));
        }
    }

    public static ResourceId of(String hex) {
        return new ResourceId(hex);
    }

    public static boolean isValid(String hex) {
        return hex != null && hex.length() == HEX_LENGTH && hex.chars().allMatch(ResourceId::isLowerHex);
    }

    /** A short form for logs and the UI. */
    public String shortForm() {
        return hex.substring(0, 12);
    }

    @Override
    public int compareTo(ResourceId other) {
        return hex.compareTo(other.hex);
    }

    @Override
    public String toString() {
        return hex;
    }

    static boolean isLowerHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}
