package org.peershelf.protocol.identity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A device's id: the first 20 bytes of the SHA-256 of its public key, in lower-case hex. Deriving it
 * from the key means a peer can check that whoever signs for an id really owns it.
 */
public record DeviceId(String value) implements Comparable<DeviceId> {
    private static final int HEX_LENGTH = 40;

    public DeviceId {
        Objects.requireNonNull(value, "value");
        if (value.length() != HEX_LENGTH || !value.chars().allMatch(DeviceId::isLowerHex)) {
            throw new IllegalArgumentException("not a device id: " + abbreviate(value));
        }
    }

    public static DeviceId of(String value) {
        return new DeviceId(value);
    }

    public static boolean isValid(String value) {
        return value != null && value.length() == HEX_LENGTH && value.chars().allMatch(DeviceId::isLowerHex);
    }

    public static DeviceId fromPublicKey(byte[] encodedPublicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(encodedPublicKey);
            return new DeviceId(HexFormat.of().formatHex(digest, 0, HEX_LENGTH / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A short form for logs and the UI. */
    public String shortForm() {
        return value.substring(0, 8);
    }

    @Override
    public int compareTo(DeviceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static boolean isLowerHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    private static String abbreviate(String s) {
        return s.length() > 48 ? s.substring(0, 48) + "…" : s;
    }
}
