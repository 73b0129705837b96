package org.peershelf.protocol.store;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encryption at rest, one record at a time: AES-256-GCM with a fresh random 12-byte nonce per record, laid out as
 * {@code [format:1][nonce:12][ciphertext + 16-byte tag]}. The key comes from a passphrase through a
 * {@link KeyFile} (PBKDF2WithHmacSHA256, salt and key-check value stored in that file).
 *
 * <p>What it guarantees: a record cannot be read without the passphrase, and a changed record fails its tag.
 * What it does not: the associated data is a constant, so whole records could be reordered, dropped or moved
 * between logs sharing the key without detection. Random nonces are safe for far more records (about 2^32 per key)
 * than chat logs and queues produce. Thread-safe: a new {@link Cipher} is made per call.
 */
public final class RecordCipher {
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final byte FORMAT = 1;
    /** Bytes added to every record: format byte, nonce and tag. */
    public static final int OVERHEAD_BYTES = 1 + NONCE_BYTES + TAG_BITS / 8;
    private static final byte[] RECORD_AAD = "peershelf-record-v1".getBytes(US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final Path keyFile;

    private RecordCipher(SecretKey key, Path keyFile) {
        this.key = key;
        this.keyFile = keyFile;
    }

    /**
     * Unlocks the key file, or creates it (new random salt) if there is none yet.
     *
     * @throws WrongPassphraseException if the file exists and the passphrase does not match it
     * @throws StorageException         if the key file is damaged or cannot be written
     */
    public static RecordCipher unlockOrCreate(Path keyFile, char[] passphrase) {
        if (Files.exists(keyFile)) {
            return unlock(keyFile, passphrase);
        }
        return new RecordCipher(KeyFile.create(keyFile, passphrase), keyFile);
    }

    /** Unlocks an existing key file; never creates one. */
    public static RecordCipher unlock(Path keyFile, char[] passphrase) {
        return new RecordCipher(KeyFile.unlock(keyFile, passphrase), keyFile);
    }

    public byte[] encrypt(byte[] plaintext) {
        byte[] sealed = seal(key, RECORD_AAD, plaintext);
        return ByteBuffer.allocate(1 + sealed.length).put(FORMAT).put(sealed).array();
    }

    /** @throws StorageException if the record was changed or was not made with this key */
    public byte[] decrypt(byte[] record) {
        try {
            return openRecord(record);
        } catch (AEADBadTagException e) {
            throw new StorageException("A saved record failed its integrity check: it was changed after it was "
                    + "written or was not made with the key in " + keyFile + ".", e);
        }
    }

    Path keyFile() {
        return keyFile;
    }

    boolean isAuthentic(byte[] record) {
        try {
            openRecord(record);
            return true;
        } catch (AEADBadTagException e) {
            return false;
        }
    }

    private byte[] openRecord(byte[] record) throws AEADBadTagException {
        if (record.length < OVERHEAD_BYTES || record[0] != FORMAT) {
            throw new AEADBadTagException("not a format-" + FORMAT + " encrypted record");
        }
        return open(key, RECORD_AAD, Arrays.copyOfRange(record, 1, record.length));
    }

    /** Returns {@code nonce || ciphertext+tag}. */
    static byte[] seal(SecretKey key, byte[] aad, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this Java runtime", e);
        }
    }

    /** Opens {@code nonce || ciphertext+tag}; a wrong key or any changed byte fails the tag. */
    static byte[] open(SecretKey key, byte[] aad, byte[] sealed) throws AEADBadTagException {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new AEADBadTagException("too short to be sealed data");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this Java runtime", e);
        }
    }
}
