package org.peershelf.protocol.identity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * This device's Ed25519 key pair and the id derived from it. Signs handshake challenges and records;
 * {@link #verify} checks signatures of other devices given their encoded public key.
 */
public final class DeviceIdentity {
    private static final String ALGORITHM = "Ed25519";

    private final KeyPair keyPair;
    private final byte[] encodedPublicKey;
    private final DeviceId deviceId;

    public DeviceIdentity(KeyPair keyPair) {
        this.keyPair = keyPair;
        this.encodedPublicKey = keyPair.getPublic().getEncoded();
        this.deviceId = DeviceId.fromPublicKey(encodedPublicKey);
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
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(keyPair.getPrivate());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with our own key failed", e);
        }
    }

    /** True only if {@code signature} is a valid signature of {@code data} by {@code encodedPublicKey}. */
    public static boolean verify(byte[] encodedPublicKey, byte[] data, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(encodedPublicKey));
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // a malformed key or signature from a peer is simply not a valid signature
            return false;
        }
    }
}
