package org.peershelf.protocol.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A corrupt length field must be rejected before anything of that size is allocated. */
class OversizedLengthTest {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    private static com.sun.management.ThreadMXBean threads() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeThat(bean.isThreadAllocatedMemorySupported()).isTrue();
        bean.setThreadAllocatedMemoryEnabled(true);
        return bean;
    }

    private static byte[] header(int length) {
        return ByteBuffer.allocate(RecordFrame.HEADER_BYTES).put(RecordFrame.MAGIC).put(RecordFrame.VERSION)
                .putInt(length).putInt(0).array();
    }

    private long openAndMeasureAllocation(Path file, com.sun.management.ThreadMXBean bean) {
        long before = bean.getCurrentThreadAllocatedBytes();
        try (RecordLog log = RecordLog.open(file)) {
            long allocated = bean.getCurrentThreadAllocatedBytes() - before;
            assertThat(log.readAll()).extracting(b -> new String(b, UTF_8)).containsExactly("good");
            return allocated;
        }
    }

    @Test
    void lengthBeyondTheFileIsDroppedWithoutAllocatingIt() throws Exception {
        var bean = threads();
        Path file = dir.resolve("a.log");
        try (RecordLog log = RecordLog.open(file)) {
            log.append("good".getBytes(UTF_8));
        }
        TestFiles.write(file, Files.size(file), header(Integer.MAX_VALUE - 16));

        assertThat(openAndMeasureAllocation(file, bean)).isLessThan(4 * MIB);
    }

    @Test
    void lengthAboveTheLimitIsDroppedEvenWhenTheFileIsThatLarge() throws Exception {
        var bean = threads();
        Path file = dir.resolve("b.log");
        try (RecordLog log = RecordLog.open(file)) {
            log.append("good".getBytes(UTF_8));
        }
        long start = Files.size(file);
        int claimed = RecordLogOptions.DEFAULT_MAX_RECORD_BYTES + 1;
        TestFiles.write(file, start, header(claimed));
        TestFiles.truncate(file, start + RecordFrame.HEADER_BYTES + claimed + MIB); // sparse: the bytes "exist"

        assertThat(openAndMeasureAllocation(file, bean)).isLessThan(4 * MIB);
        assertThat(Files.size(file)).isEqualTo(start);
    }
}
