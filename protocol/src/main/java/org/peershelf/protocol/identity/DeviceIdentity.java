package org.peershelf.protocol.identity;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * This device's Ed25519 key pair and the id derived from it. Signs handshake challenges and records;
 * {@link #verify} checks signatures of other devices given their encoded public key. Keys are made
 * and stored with the JDK's classes (X.509 / PKCS#8); signing and verifying use Bouncy Castle's
 * RFC 8032 arithmetic, which is far faster than JDK 17's and yields the same signatures.
 */
public final class DeviceIdentity {
    private static final String ALGORITHM = "Ed25519";
    /** X.509 SubjectPublicKeyInfo of an Ed25519 key: this fixed prefix, then the 32-byte raw key. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private final KeyPair keyPair;
    private final byte[] encodedPublicKey;
    private final DeviceId deviceId;
    private final byte[] privateSeed;

    public DeviceIdentity(KeyPair keyPair) {
        this.keyPair = keyPair;
        this.encodedPublicKey = keyPair.getPublic().getEncoded();
        this.deviceId = DeviceId.fromPublicKey(encodedPublicKey);
        if (!(keyPair.getPrivate() instanceof EdECPrivateKey edKey) || edKey.getBytes().isEmpty()) {
            throw new IllegalArgumentException("A device key must be an Ed25519 key pair.");
        }
        this.privateSeed = edKey.getBytes().get();
    }

    public static DeviceIdentity generate() {
        try {
            return new DeviceIdentity(KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }

    public DeviceId deviceId() {
        return deviceId;
    }

    public KeyPair keyPair() {
        return keyPair;
    }

    public byte[] publicKey() {
        return encodedPublicKey.clone();
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(encodedPublicKey);
    }

    public byte[] sign(byte[] data) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(privateSeed, 0, data, 0, data.length, signature, 0);
        return signature;
    }

    /** True only if {@code signature} is a valid signature of {@code data} by {@code encodedPublicKey}. */
    public static boolean verify(byte[] encodedPublicKey, byte[] data, byte[] signature) {
        // a malformed key or signature from a peer is simply not a valid signature
        if (encodedPublicKey == null || data == null || signature == null
                || encodedPublicKey.length != X509_PREFIX.length + Ed25519.PUBLIC_KEY_SIZE
                || signature.length != Ed25519.SIGNATURE_SIZE
                || !Arrays.equals(encodedPublicKey, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            return false;
        }
        try {
            return Ed25519.verify(signature, 0, encodedPublicKey, X509_PREFIX.length, data, 0, data.length);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
