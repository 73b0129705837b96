package org.peershelf.protocol.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedRecordLogTest {
    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @TempDir
    static Path keyDir;
    private static Path keyFile;
    private static RecordCipher cipher;

    @TempDir
    Path dir;

    @BeforeAll
    static void createKey() {
        keyFile = keyDir.resolve("store.key");
        cipher = RecordCipher.unlockOrCreate(keyFile, PASSPHRASE);
    }

    private Path file() {
        return dir.resolve("chat.enc");
    }

    private static List<String> strings(List<byte[]> records) {
        return records.stream().map(b -> new String(b, UTF_8)).toList();
    }

    private void writeThree() {
        try (EncryptedRecordLog log = EncryptedRecordLog.open(file(), cipher)) {
            for (String s : List.of("first secret", "second secret", "third secret")) {
                log.append(s.getBytes(UTF_8));
            }
        }
    }

    @Test
    void recordsRoundTripWithTheKeyUnlockedAgainFromThePassphrase() throws IOException {
        writeThree();
        RecordCipher again = RecordCipher.unlock(keyFile, PASSPHRASE);
        try (EncryptedRecordLog log = EncryptedRecordLog.open(file(), again)) {
            assertThat(strings(log.readAll())).containsExactly("first secret", "second secret", "third secret");
        }
        assertThat(new String(Files.readAllBytes(file()), UTF_8)).doesNotContain("secret");
    }

    @Test
    void wrongPassphraseIsReportedClearly() {
        assertThatThrownBy(() -> RecordCipher.unlock(keyFile, "correct horse battery stapler".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class)
                .hasMessageStartingWith("The passphrase is wrong for " + keyFile);
        assertThatThrownBy(() -> RecordCipher.unlockOrCreate(keyFile, "guess".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class);
    }

    @Test
    void keyFileHoldsSaltIterationsAndCheckValueButNotThePassphrase() throws IOException {
        String text = Files.readString(keyFile);
        JsonNode json = new ObjectMapper().readTree(text);
        assertThat(json.get("kdf").asText()).isEqualTo("PBKDF2WithHmacSHA256");
        assertThat(json.get("iterations").asInt()).isGreaterThanOrEqualTo(210_000);
        assertThat(Base64.getDecoder().decode(json.get("salt").asText())).hasSizeGreaterThanOrEqualTo(16);
        assertThat(json.get("keyCheck").asText()).isNotBlank();
        assertThat(text).doesNotContain("correct horse");
    }

    @Test
    void tamperedCiphertextIsRejectedByDecrypt() {
        byte[] sealed = cipher.encrypt("pay 10 EUR".getBytes(UTF_8));
        sealed[sealed.length - 20] ^= 0x01;
        assertThatThrownBy(() -> cipher.decrypt(sealed))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("failed its integrity check");
    }

    @Test
    void tamperedRecordInTheMiddleIsDroppedFromThereAndTheFileKept() throws IOException {
        writeThree();
        TestFiles.tamperKeepingChecksumValid(file(), TestFiles.frameOffsets(file()).get(1), 20);
        byte[] tampered = Files.readAllBytes(file());
        try (EncryptedRecordLog log = EncryptedRecordLog.open(file(), cipher)) {
            assertThat(strings(log.readAll())).containsExactly("first secret");
            log.append("after".getBytes(UTF_8));
        }
        List<Path> copies = TestFiles.siblingsStartingWith(file(), ".damaged-");
        assertThat(copies).hasSize(1);
        assertThat(Files.readAllBytes(copies.get(0))).isEqualTo(tampered);
    }

    @Test
    void tamperedLastRecordIsDroppedAndTheFileKept() throws IOException {
        writeThree();
        TestFiles.tamperKeepingChecksumValid(file(), TestFiles.frameOffsets(file()).get(2), 15);
        try (EncryptedRecordLog log = EncryptedRecordLog.open(file(), cipher)) {
            assertThat(strings(log.readAll())).containsExactly("first secret", "second secret");
        }
        assertThat(TestFiles.siblingsStartingWith(file(), ".damaged-")).hasSize(1);
    }

    @Test
    void tornTailOfAnEncryptedLogIsDropped() throws IOException {
        writeThree();
        TestFiles.truncate(file(), Files.size(file()) - 7);
        try (EncryptedRecordLog log = EncryptedRecordLog.open(file(), cipher)) {
            assertThat(strings(log.readAll())).containsExactly("first secret", "second secret");
        }
    }

    @Test
    void logMadeWithAnotherKeyIsRefusedAndLeftUntouched() throws IOException {
        writeThree();
        byte[] before = Files.readAllBytes(file());
        RecordCipher other = RecordCipher.unlockOrCreate(dir.resolve("other.key"), "other".toCharArray());
        assertThatThrownBy(() -> EncryptedRecordLog.open(file(), other))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("another key file");
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
        assertThat(TestFiles.siblingsStartingWith(file(), ".damaged-")).isEmpty();
        try (EncryptedRecordLog log = EncryptedRecordLog.open(file(), cipher)) {
            assertThat(log.count()).isEqualTo(3);
        }
    }

    @Test
    void missingOrDamagedKeyFileIsAStorageErrorNotAWrongPassphrase() throws IOException {
        assertThatThrownBy(() -> RecordCipher.unlock(dir.resolve("none.key"), PASSPHRASE))
                .isInstanceOf(StorageException.class).isNotInstanceOf(WrongPassphraseException.class)
                .hasMessageContaining("is missing");
        Path damaged = dir.resolve("damaged.key");
        Files.writeString(damaged, "{\"format\":1,\"salt\":");
        assertThatThrownBy(() -> RecordCipher.unlock(damaged, PASSPHRASE))
                .isInstanceOf(StorageException.class).isNotInstanceOf(WrongPassphraseException.class)
                .hasMessageContaining("is damaged");
    }
}
