package org.peershelf.protocol.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordLogTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("chat.log");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    private static List<String> strings(List<byte[]> records) {
        return records.stream().map(b -> new String(b, UTF_8)).toList();
    }

    private void writeThreeRecords() {
        try (RecordLog log = RecordLog.open(file())) {
            log.append(bytes("first"));
            log.append(bytes("second"));
            log.append(bytes("third"));
        }
    }

    private List<Path> damagedCopies() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("chat.log.damaged-")).toList();
        }
    }

    @Test
    void recordsRoundTripAcrossReopenWithIncreasingIndices() {
        try (RecordLog log = RecordLog.open(file())) {
            assertThat(log.append(bytes("a"))).isZero();
            assertThat(log.append(new byte[0])).isEqualTo(1);
            assertThat(log.append(bytes("ccc"))).isEqualTo(2);
            assertThat(strings(log.readAll())).containsExactly("a", "", "ccc");
        }
        try (RecordLog log = RecordLog.open(file())) {
            assertThat(strings(log.readAll())).containsExactly("a", "", "ccc");
            assertThat(log.count()).isEqualTo(3);
            assertThat(log.append(bytes("d"))).isEqualTo(3);
        }
    }

    @Test
    void recordsAppendedTogetherReadBackInOrderAmongSingleOnes() {
        try (RecordLog log = RecordLog.open(file())) {
            log.append(bytes("one"));
            log.appendAll(List.of(bytes("two"), new byte[0], bytes("four")));
            log.appendAll(List.of(bytes("five")));
            assertThat(log.count()).isEqualTo(5);
            assertThat(log.append(bytes("six"))).isEqualTo(5);
        }
        try (RecordLog log = RecordLog.open(file())) {
            assertThat(strings(log.readAll())).containsExactly("one", "two", "", "four", "five", "six");
        }
    }

    @Test
    void anOversizedRecordFailsTheWholeGroupAndWritesNothing() {
        try (RecordLog log = RecordLog.open(file(), RecordLogOptions.DEFAULTS.withMaxRecordBytes(8))) {
            log.append(bytes("kept"));
            assertThatThrownBy(() -> log.appendAll(List.of(bytes("fits"), bytes("far too long"))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(log.count()).isEqualTo(1);
        }
        try (RecordLog log = RecordLog.open(file())) {
            assertThat(strings(log.readAll())).containsExactly("kept");
        }
    }

    @Test
    void tornLastFrameIsDroppedAndAppendsContinueAfterIt() throws IOException {
        writeThreeRecords();
        long size = Files.size(file());
        try (RandomAccessFile raw = new RandomAccessFile(file().toFile(), "rw")) {
            raw.setLength(size - 3); // crash in the middle of writing "third"
        }
        try (RecordLog log = RecordLog.open(file())) {
            assertThat(strings(log.readAll())).containsExactly("first", "second");
            log.append(bytes("after crash"));
        }
        try (RecordLog log = RecordLog.open(file())) {
            assertThat(strings(log.readAll())).containsExactly("first", "second", "after crash");
        }
        assertThat(damagedCopies()).isEmpty();
    }

    @Test
    void tornHeaderAndTrailingGarbageAreDropped() throws IOException {
        writeThreeRecords();
        Files.write(file(), new byte[] {RecordFrame.MAGIC, RecordFrame.VERSION, 0, 0}, java.nio.file.StandardOpenOption.APPEND);
        Files.write(file(), new byte[4096], java.nio.file.StandardOpenOption.APPEND); // zero-filled blocks
        try (RecordLog log = RecordLog.open(file())) {
            assertThat(strings(log.readAll())).containsExactly("first", "second", "third");
            assertThat(log.sizeInBytes()).isEqualTo(Files.size(file()));
        }
    }

    @Test
    void bitFlipInLastRecordDropsOnlyThatRecord() throws IOException {
        writeThreeRecords();
        long size = Files.size(file());
        TestFiles.flipBit(file(), size - 2);
        try (RecordLog log = RecordLog.open(file())) {
            assertThat(strings(log.readAll())).containsExactly("first", "second");
        }
        assertThat(damagedCopies()).isEmpty();
    }

    @Test
    void bitFlipInMiddleKeepsEarlierRecordsAndPreservesDamagedCopy() throws IOException {
        writeThreeRecords();
        byte[] original = Files.readAllBytes(file());
        long secondPayload = 2L * RecordFrame.HEADER_BYTES + "first".length();
        TestFiles.flipBit(file(), secondPayload + 1);
        byte[] damaged = Files.readAllBytes(file());

        try (RecordLog log = RecordLog.open(file())) {
            assertThat(strings(log.readAll())).containsExactly("first");
            log.append(bytes("new"));
            assertThat(strings(log.readAll())).containsExactly("first", "new");
        }
        assertThat(damagedCopies()).hasSize(1);
        assertThat(Files.readAllBytes(damagedCopies().get(0))).isEqualTo(damaged).isNotEqualTo(original);
    }

    @Test
    void flippedLengthFieldInMiddleStillCountsAsMidFileDamage() throws IOException {
        writeThreeRecords();
        TestFiles.flipBit(file(), RecordFrame.HEADER_BYTES + "first".length() + 2); // top byte of 2nd length
        try (RecordLog log = RecordLog.open(file())) {
            assertThat(strings(log.readAll())).containsExactly("first");
        }
        assertThat(damagedCopies()).hasSize(1);
    }

    @Test
    void recordOverTheLimitIsRefusedOnAppend() {
        try (RecordLog log = RecordLog.open(file(), RecordLogOptions.DEFAULTS.withMaxRecordBytes(16))) {
            assertThatThrownBy(() -> log.append(new byte[17])).isInstanceOf(IllegalArgumentException.class);
            log.append(new byte[16]);
            assertThat(log.count()).isEqualTo(1);
        }
    }

    @Test
    void concurrentAppendsAreAllKeptWhole() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (RecordLog log = RecordLog.open(file())) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        log.append(bytes(thread + ":" + i + ":" + "x".repeat(i)));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        try (RecordLog log = RecordLog.open(file())) {
            List<String> all = strings(log.readAll());
            assertThat(all).hasSize(400).doesNotHaveDuplicates();
            for (int t = 0; t < 4; t++) {
                String prefix = t + ":";
                List<Integer> order = all.stream().filter(s -> s.startsWith(prefix))
                        .map(s -> Integer.parseInt(s.split(":")[1])).toList();
                assertThat(order).isSorted().hasSize(100);
            }
        }
    }

    @Test
    void rewriteReplacesContentAndKeepsTheLogUsable() {
        try (RecordLog log = RecordLog.open(file())) {
            log.append(bytes("old1"));
            log.append(bytes("old2"));
            log.rewrite(List.of(bytes("new")));
            assertThat(strings(log.readAll())).containsExactly("new");
            assertThat(log.append(bytes("next"))).isEqualTo(1);
        }
        try (RecordLog log = RecordLog.open(file())) {
            assertThat(strings(log.readAll())).containsExactly("new", "next");
        }
    }

    @Test
    void secondOpenOfTheSameFileIsRefused() {
        try (RecordLog log = RecordLog.open(file())) {
            assertThatThrownBy(() -> RecordLog.open(file()))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("already open");
            log.append(bytes("still works"));
        }
    }

    @Test
    void withoutForceOnAppendRecordsAreKeptAfterSync() {
        try (RecordLog log = RecordLog.open(file(), RecordLogOptions.DEFAULTS.withForceOnAppend(false))) {
            log.append(bytes("a"));
            log.append(bytes("b"));
            log.sync();
        }
        try (RecordLog log = RecordLog.open(file())) {
            assertThat(strings(log.readAll())).containsExactly("a", "b");
        }
    }
}
