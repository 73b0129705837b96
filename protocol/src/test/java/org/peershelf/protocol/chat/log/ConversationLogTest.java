package org.peershelf.protocol.chat.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.protocol.chat.ChatWire.RoomLine;
import org.peershelf.protocol.store.WrongPassphraseException;

class ConversationLogTest {
    private static final String SENDER = "0123456789abcdef0123456789abcdef01234567";
    private final DiskWriter writer = new DiskWriter("test-chat-disk");

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        writer.close();
    }

    private static RoomLine line(long seq, String text) {
        return new RoomLine(seq, 0, SENDER, seq, 1000 + seq, text);
    }

    private static List<String> texts(List<LogRecord> records) {
        return records.stream().filter(r -> LogRecord.LINE.equals(r.kind())).map(r -> r.line().text()).toList();
    }

    @Test
    void linesAreReadBackInOrderAfterReopening() {
        ChatStores stores = ChatStores.open(dir, Optional.empty());
        try (ConversationLog log = new ConversationLog(stores.openLog(dir.resolve("log")), writer)) {
            for (int i = 1; i <= 50; i++) {
                log.append(LogRecord.line(line(i, "m" + i)));
            }
            log.append(LogRecord.marker(LogRecord.READ, 50)).join();
        }
        try (ConversationLog log = new ConversationLog(stores.openLog(dir.resolve("log")), writer)) {
            List<LogRecord> records = log.replay();
            assertThat(texts(records)).hasSize(50).startsWith("m1", "m2").endsWith("m50");
            assertThat(records.get(50)).isEqualTo(LogRecord.marker(LogRecord.READ, 50));
        }
    }

    @Test
    void aTornLastRecordIsDroppedAndEarlierOnesKept() throws Exception {
        ChatStores stores = ChatStores.open(dir, Optional.empty());
        Path file = dir.resolve("log");
        try (ConversationLog log = new ConversationLog(stores.openLog(file), writer)) {
            log.append(LogRecord.line(line(1, "first")));
            log.append(LogRecord.line(line(2, "second")));
            log.append(LogRecord.line(line(3, "third, torn by a crash"))).join();
        }
        long size = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size - 7); // the crash hit in the middle of the last frame
        }
        try (ConversationLog log = new ConversationLog(stores.openLog(file), writer)) {
            assertThat(texts(log.replay())).containsExactly("first", "second");
            log.append(LogRecord.line(line(3, "third again"))).join();
        }
        try (ConversationLog log = new ConversationLog(stores.openLog(file), writer)) {
            assertThat(texts(log.replay())).containsExactly("first", "second", "third again");
        }
    }

    @Test
    void encryptedLogsRoundTripAndHideTheText() throws Exception {
        ChatStores stores = ChatStores.open(dir, Optional.of("correct horse".toCharArray()));
        assertThat(stores.encrypted()).isTrue();
        Path file = dir.resolve("secret-log");
        try (ConversationLog log = new ConversationLog(stores.openLog(file), writer)) {
            log.append(LogRecord.line(line(1, "the unpublished result"))).join();
        }
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain("unpublished");
        ChatStores again = ChatStores.open(dir, Optional.of("correct horse".toCharArray()));
        try (ConversationLog log = new ConversationLog(again.openLog(file), writer)) {
            assertThat(texts(log.replay())).containsExactly("the unpublished result");
        }
    }

    @Test
    void aWrongPassphraseIsAClearErrorNotGarbage() {
        ChatStores.open(dir, Optional.of("right".toCharArray()));
        assertThatThrownBy(() -> ChatStores.open(dir, Optional.of("wrong".toCharArray())))
                .isInstanceOf(WrongPassphraseException.class).hasMessageContaining("passphrase is wrong");
    }
}
