package org.peershelf.protocol.store;

import static java.nio.charset.StandardCharsets.US_ASCII;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The small JSON file that turns a passphrase into the AES key: PBKDF2WithHmacSHA256 parameters, the random salt,
 * and a key-check value (a known block sealed with the key) so a wrong passphrase is recognised instead of
 * producing garbage. One key file serves a whole profile, so the deliberately slow derivation runs once per start.
 * It holds no secret: without the passphrase the salt and check value are useless.
 */
final class KeyFile {
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; well above the 210,000 floor accepted when reading. */
    static final int ITERATIONS = 600_000;
    static final int MIN_ITERATIONS = 210_000;
    private static final int MAX_ITERATIONS = 50_000_000;
    private static final int FORMAT = 1;
    private static final String KDF = "PBKDF2WithHmacSHA256";
    private static final String CIPHER = "AES-256-GCM";
    private static final int SALT_BYTES = 16;
    private static final byte[] CHECK_AAD = "peershelf-key-check-v1".getBytes(US_ASCII);
    private static final byte[] CHECK_BLOCK = "PeerShelf key check".getBytes(US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    record Content(int format, String cipher, String kdf, int iterations, String salt, String keyCheck) {
    }

    private KeyFile() {
    }

    static SecretKey create(Path file, char[] passphrase) {
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("An empty passphrase would protect nothing");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        SecretKey key = derive(passphrase, salt, ITERATIONS);
        byte[] check = RecordCipher.seal(key, CHECK_AAD, CHECK_BLOCK);
        Base64.Encoder b64 = Base64.getEncoder();
        Content content = new Content(FORMAT, CIPHER, KDF, ITERATIONS, b64.encodeToString(salt),
                b64.encodeToString(check));
        try {
            AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(content));
        } catch (IOException e) {
            throw StorageException.writeFailed(file, 1024, e);
        }
        return key;
    }

    static SecretKey unlock(Path file, char[] passphrase) {
        Content content = read(file);
        if (content == null || content.salt() == null || content.keyCheck() == null) {
            throw damaged(file, null);
        }
        byte[] salt;
        byte[] check;
        try {
            salt = Base64.getDecoder().decode(content.salt());
            check = Base64.getDecoder().decode(content.keyCheck());
        } catch (IllegalArgumentException e) {
            throw damaged(file, e);
        }
        if (content.format() != FORMAT || !KDF.equals(content.kdf()) || !CIPHER.equals(content.cipher())
                || salt.length < SALT_BYTES
                || content.iterations() < MIN_ITERATIONS || content.iterations() > MAX_ITERATIONS) {
            throw damaged(file, null);
        }
        SecretKey key = derive(passphrase, salt, content.iterations());
        try {
            byte[] opened = RecordCipher.open(key, CHECK_AAD, check);
            if (!Arrays.equals(opened, CHECK_BLOCK)) {
                throw damaged(file, null);
            }
        } catch (AEADBadTagException e) {
            throw new WrongPassphraseException(file);
        }
        return key;
    }

    private static Content read(Path file) {
        try {
            return JSON.readValue(Files.readAllBytes(file), Content.class);
        } catch (NoSuchFileException e) {
            throw new StorageException("The key file " + file + " is missing, so encrypted data cannot be opened. "
                    + "Restore it from a backup.", e);
        } catch (IOException e) {
            throw damaged(file, e);
        }
    }

    private static StorageException damaged(Path file, Exception cause) {
        // deliberately never replaced automatically: a new key would lock out every encrypted log made with the old
        return new StorageException("The key file " + file + " is damaged, so encrypted data cannot be opened. "
                + "Restore it from a backup.", cause);
    }

    static SecretKey derive(char[] passphrase, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            byte[] raw = SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
            SecretKey key = new SecretKeySpec(raw, "AES");
            Arrays.fill(raw, (byte) 0);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime lacks " + KDF, e);
        } finally {
            spec.clearPassword();
        }
    }
}
