package org.peershelf.protocol.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableQueueTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("outbox.log");
    }

    private DurableQueue<String> open() {
        return DurableQueue.open(file(), ItemCodec.utf8());
    }

    private static List<String> values(DurableQueue<String> queue) {
        return queue.pending().stream().map(QueueItem::value).toList();
    }

    private static List<Long> ids(DurableQueue<String> queue) {
        return queue.pending().stream().map(QueueItem::id).toList();
    }

    @Test
    void itemsComeOutInEnqueueOrderWithIncreasingIds() {
        try (DurableQueue<String> queue = open()) {
            assertThat(queue.peek()).isEmpty();
            assertThat(queue.enqueue("a")).isEqualTo(1);
            assertThat(queue.enqueue("b")).isEqualTo(2);
            assertThat(queue.peek()).contains(new QueueItem<>(1, "a"));
            assertThat(queue.peek()).as("peek does not remove").contains(new QueueItem<>(1, "a"));
            queue.acknowledge(queue.peek().orElseThrow());
            assertThat(queue.peek()).contains(new QueueItem<>(2, "b"));
        }
    }

    @Test
    void orderAndIdsAreKeptAcrossRestart() {
        try (DurableQueue<String> queue = open()) {
            for (String s : List.of("one", "two", "three")) {
                queue.enqueue(s);
            }
        }
        try (DurableQueue<String> queue = open()) {
            assertThat(values(queue)).containsExactly("one", "two", "three");
            assertThat(ids(queue)).containsExactly(1L, 2L, 3L);
            assertThat(queue.enqueue("four")).isEqualTo(4);
        }
    }

    @Test
    void acknowledgedItemsAreNotRedeliveredAfterRestart() {
        try (DurableQueue<String> queue = open()) {
            queue.enqueue("a");
            queue.enqueue("b");
            queue.enqueue("c");
            queue.acknowledgeUpTo(2);
            assertThat(values(queue)).containsExactly("c");
        }
        try (DurableQueue<String> queue = open()) {
            assertThat(values(queue)).containsExactly("c");
            queue.acknowledgeUpTo(2); // repeated acknowledgement after restart is harmless
            assertThat(queue.size()).isEqualTo(1);
        }
    }

    @Test
    void acknowledgingAnIdNotYetHandedOutIsRefused() {
        try (DurableQueue<String> queue = open()) {
            queue.enqueue("a");
            assertThatThrownBy(() -> queue.acknowledgeUpTo(2)).isInstanceOf(IllegalArgumentException.class);
            assertThat(values(queue)).containsExactly("a");
        }
    }

    @Test
    void compactionShrinksTheFileWhenMostItemsAreAcknowledged() throws IOException {
        try (DurableQueue<String> queue = open()) {
            for (int i = 1; i <= 300; i++) {
                queue.enqueue("item " + i);
            }
            long fullSize = Files.size(file());
            for (int i = 1; i <= 290; i++) {
                queue.acknowledgeUpTo(i);
            }
            assertThat(Files.size(file())).isLessThan(fullSize / 3);
        }
        try (RecordLog raw = RecordLog.open(file())) {
            // compaction leaves a checkpoint and the pending items; fewer dead entries than the threshold may follow
            assertThat(raw.count()).isLessThan(1 + 10 + DurableQueue.COMPACT_MIN_RECORDS);
        }
        try (DurableQueue<String> queue = open()) {
            assertThat(ids(queue)).containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(291, 300).boxed().toList());
            assertThat(queue.peek().orElseThrow().value()).isEqualTo("item 291");
        }
    }

    @Test
    void idsNeverRepeatEvenAfterEverythingWasAcknowledgedAndCompacted() {
        try (DurableQueue<String> queue = open()) {
            for (int i = 1; i <= DurableQueue.COMPACT_MIN_RECORDS; i++) {
                queue.enqueue("x");
            }
            queue.acknowledgeUpTo(DurableQueue.COMPACT_MIN_RECORDS);
            assertThat(queue.isEmpty()).isTrue();
        }
        try (RecordLog raw = RecordLog.open(file())) {
            assertThat(raw.count()).as("compacted to a lone checkpoint").isEqualTo(1);
        }
        try (DurableQueue<String> queue = open()) {
            assertThat(queue.isEmpty()).isTrue();
            assertThat(queue.enqueue("next")).isEqualTo(DurableQueue.COMPACT_MIN_RECORDS + 1);
        }
    }

    @Test
    void crashWhileWritingAnEntryLosesNoEarlierEntry() throws IOException {
        try (DurableQueue<String> queue = open()) {
            queue.enqueue("a");
            queue.enqueue("b");
            queue.enqueue("c");
        }
        // the start of the frame for "d" reached the disk, the rest did not
        byte[] frame = RecordFrame.encode(new QueueEntry.Enqueued(4, "d".getBytes(UTF_8)).encode());
        TestFiles.write(file(), Files.size(file()), java.util.Arrays.copyOf(frame, frame.length - 2));
        try (DurableQueue<String> queue = open()) {
            assertThat(values(queue)).containsExactly("a", "b", "c");
            assertThat(queue.enqueue("d again")).isGreaterThan(3);
        }
        try (DurableQueue<String> queue = open()) {
            assertThat(values(queue)).containsExactly("a", "b", "c", "d again");
        }
    }

    @Test
    void truncatingTheQueueFileMidRecordKeepsEveryEntryBeforeIt() throws IOException {
        try (DurableQueue<String> queue = open()) {
            queue.enqueue("a");
            queue.enqueue("b");
            queue.enqueue("c");
        }
        TestFiles.truncate(file(), Files.size(file()) - 1);
        try (DurableQueue<String> queue = open()) {
            assertThat(values(queue)).containsExactly("a", "b");
        }
    }

    @Test
    void acknowledgementTornByACrashMeansRedeliveryNotLoss() throws IOException {
        try (DurableQueue<String> queue = open()) {
            queue.enqueue("a");
            queue.enqueue("b");
            queue.acknowledgeUpTo(1);
        }
        TestFiles.truncate(file(), Files.size(file()) - 4);
        try (DurableQueue<String> queue = open()) {
            assertThat(queue.pending()).containsExactly(new QueueItem<>(1, "a"), new QueueItem<>(2, "b"));
        }
    }

    @Test
    void undecodableItemIsSavedAsideAndTheRestStillDelivered() throws IOException {
        try (DurableQueue<String> queue = open()) {
            queue.enqueue("fine");
            queue.enqueue("poison");
            queue.enqueue("also fine");
        }
        ItemCodec<String> strict = new ItemCodec<>() {
            @Override
            public byte[] encode(String item) {
                return item.getBytes(UTF_8);
            }

            @Override
            public String decode(byte[] bytes) {
                String s = new String(bytes, UTF_8);
                if (s.equals("poison")) {
                    throw new IllegalArgumentException("unknown operation");
                }
                return s;
            }
        };
        try (DurableQueue<String> queue = DurableQueue.open(file(), strict)) {
            assertThat(values(queue)).containsExactly("fine", "also fine");
        }
        List<Path> saved = TestFiles.siblingsStartingWith(file(), ".undecodable-2-");
        assertThat(saved).hasSize(1);
        assertThat(Files.readString(saved.get(0))).isEqualTo("poison");
        try (DurableQueue<String> queue = DurableQueue.open(file(), strict)) {
            assertThat(ids(queue)).containsExactly(1L, 3L);
        }
        assertThat(TestFiles.siblingsStartingWith(file(), ".undecodable-")).as("not saved twice").hasSize(1);
    }

    record PublishOp(String resourceId, int version) {
    }

    @Test
    void jsonItemsRoundTripThroughAnEncryptedQueue() {
        Path keyFile = dir.resolve("store.key");
        RecordCipher cipher = RecordCipher.unlockOrCreate(keyFile, "pass phrase".toCharArray());
        ItemCodec<PublishOp> codec = ItemCodec.json(new ObjectMapper(), PublishOp.class);
        try (DurableQueue<PublishOp> queue = DurableQueue.open(EncryptedRecordLog.open(file(), cipher), codec)) {
            queue.enqueue(new PublishOp("paper-1", 1));
            queue.enqueue(new PublishOp("paper-2", 3));
            queue.acknowledgeUpTo(1);
        }
        try (DurableQueue<PublishOp> queue = DurableQueue.open(EncryptedRecordLog.open(file(), cipher), codec)) {
            assertThat(queue.pending()).containsExactly(new QueueItem<>(2, new PublishOp("paper-2", 3)));
        }
    }
}
