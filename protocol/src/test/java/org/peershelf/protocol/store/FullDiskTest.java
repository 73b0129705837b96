package org.peershelf.protocol.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real ENOSPC from a 64 KiB tmpfs. Mounting needs root (or CAP_SYS_ADMIN); without it the tests are skipped
 * rather than faked with a wrapper that would only test the wrapper.
 */
@EnabledOnOs(OS.LINUX)
class FullDiskTest {
    private static final int RECORD = 1000;

    @TempDir
    Path parent;
    private Path disk;
    private boolean mounted;

    @BeforeEach
    void mountTinyDisk() throws Exception {
        disk = Files.createDirectory(parent.resolve("tiny-disk"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString());
        assumeTrue(mounted, "mounting a tmpfs is not permitted here");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", disk.toString());
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    private static byte[] record(int i) {
        byte[] bytes = new byte[RECORD];
        byte[] label = ("record " + i).getBytes(UTF_8);
        System.arraycopy(label, 0, bytes, 0, label.length);
        return bytes;
    }

    /** Appends until the disk refuses; returns how many records were saved. */
    private static int fill(RecordLog log) {
        for (int i = 0; i < 1000; i++) {
            int index = i;
            try {
                log.append(record(index));
            } catch (StorageException full) {
                assertThat(full).hasMessageStartingWith("Not enough disk space to save data to " + log.file());
                return index;
            }
        }
        throw new AssertionError("a 64 KiB disk never filled up");
    }

    @Test
    void fullDiskFailsTheAppendReadablyAndKeepsEveryEarlierRecord() throws IOException {
        Path filler = disk.resolve("filler");
        Files.write(filler, new byte[16 * 1024]);
        Path file = disk.resolve("chat.log");
        int saved;
        try (RecordLog log = RecordLog.open(file)) {
            saved = fill(log);
            assertThat(saved).isPositive();
            assertThat(Files.size(file)).as("the failed frame was rolled back").isEqualTo(log.sizeInBytes());

            Files.delete(filler);
            assertThat(log.append(record(saved))).isEqualTo(saved);
        }
        try (RecordLog log = RecordLog.open(file)) {
            List<byte[]> all = log.readAll();
            assertThat(all).hasSize(saved + 1);
            for (int i = 0; i <= saved; i++) {
                assertThat(all.get(i)).isEqualTo(record(i));
            }
        }
    }

    @Test
    void rewriteOnFullDiskKeepsTheOldContent() {
        Path file = disk.resolve("queue.log");
        try (RecordLog log = RecordLog.open(file)) {
            log.append(record(0));
            List<byte[]> tooMuch = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                tooMuch.add(record(i));
            }
            assertThatThrownBy(() -> log.rewrite(tooMuch))
                    .isInstanceOf(StorageException.class)
                    .hasMessageStartingWith("Not enough disk space");
            assertThat(log.readAll()).containsExactly(record(0));
            log.append(record(1));
        }
        try (RecordLog log = RecordLog.open(file)) {
            assertThat(log.readAll()).containsExactly(record(0), record(1));
        }
    }

    @Test
    void queueOnFullDiskRefusesTheNewItemAndKeepsEveryEarlierOneInOrder() {
        Path file = disk.resolve("outbox.log");
        List<Long> ids = new ArrayList<>();
        try (DurableQueue<byte[]> queue = DurableQueue.open(file, ItemCodec.bytes())) {
            assertThatThrownBy(() -> {
                for (int i = 0; i < 1000; i++) {
                    ids.add(queue.enqueue(record(i)));
                }
            }).isInstanceOf(StorageException.class).hasMessageStartingWith("Not enough disk space");
            assertThat(ids).isNotEmpty();
            assertThat(queue.size()).isEqualTo(ids.size());
        }
        try (DurableQueue<byte[]> queue = DurableQueue.open(file, ItemCodec.bytes())) {
            assertThat(queue.pending()).extracting(QueueItem::id).containsExactlyElementsOf(ids);
            assertThat(queue.peek().orElseThrow().value()).isEqualTo(record(0));
        }
    }
}
