package org.peershelf.protocol.resource.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.protocol.resource.repository.LocalRepository;
import org.peershelf.protocol.wire.WireCodec;

/** Partial state survives a restart; only chunks that still match their hash count as verified. */
class PartialDownloadTest {
    private static final int CHUNK = 1024;
    private final WireCodec codec = new WireCodec(1 << 24);

    @TempDir
    Path temp;

    private Resource resource(byte[] bytes) throws Exception {
        LocalRepository source = new LocalRepository(temp.resolve("source"), CHUNK);
        return source.add(ResourceMetadata.of("Data", ResourceType.DATASET), List.of(Files.write(temp.resolve("d.bin"), bytes)));
    }

    private static byte[] chunk(byte[] bytes, int c) {
        return Arrays.copyOfRange(bytes, c * CHUNK, Math.min(bytes.length, (c + 1) * CHUNK));
    }

    @Test
    void verifiedChunksSurviveReopeningAndTheResourceIsFoundAsInterrupted() throws Exception {
        byte[] bytes = new byte[5 * CHUNK + 7];
        new Random(1).nextBytes(bytes);
        Resource resource = resource(bytes);
        Path staging = temp.resolve("staging");
        try (PartialDownload partial = PartialDownload.open(staging, resource, codec)) {
            partial.write(0, chunk(bytes, 0));
            partial.write(3, chunk(bytes, 3));
        }
        assertThat(PartialDownload.interrupted(staging, codec).toList()).containsExactly(resource);
        try (PartialDownload again = PartialDownload.open(staging, resource, codec)) {
            assertThat(again.verifiedCount()).isEqualTo(2);
            assertThat(again.isVerified(0)).isTrue();
            assertThat(again.isVerified(3)).isTrue();
            assertThat(again.verifiedBytes()).isEqualTo(2L * CHUNK);
        }
    }

    @Test
    void tornLogRecordAndChunksDamagedOnDiskAreFetchedAgain() throws Exception {
        byte[] bytes = new byte[4 * CHUNK];
        new Random(2).nextBytes(bytes);
        Resource resource = resource(bytes);
        Path staging = temp.resolve("staging");
        try (PartialDownload partial = PartialDownload.open(staging, resource, codec)) {
            partial.write(0, chunk(bytes, 0));
            partial.write(1, chunk(bytes, 1));
        }
        Path folder = staging.resolve(resource.id().hex());
        Files.write(folder.resolve(PartialDownload.VERIFIED), new byte[] {0, 0, 0}, StandardOpenOption.APPEND);
        try (FileChannel file = FileChannel.open(folder.resolve("files").resolve("d.bin"), StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.wrap(new byte[] {42, 42, 42}), CHUNK + 10); // chunk 1 no longer matches
        }
        try (PartialDownload again = PartialDownload.open(staging, resource, codec)) {
            assertThat(again.isVerified(0)).isTrue();
            assertThat(again.isVerified(1)).isFalse();
            assertThat(again.verifiedCount()).isEqualTo(1);
            again.write(2, chunk(bytes, 2)); // appended after the torn record was cut off
        }
        try (PartialDownload third = PartialDownload.open(staging, resource, codec)) {
            assertThat(third.isVerified(2)).isTrue();
        }
    }
}
