package org.peershelf.protocol.resource.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.node.PeerLink;
import org.peershelf.protocol.node.PeerNode;
import org.peershelf.protocol.node.TestNodes;
import org.peershelf.protocol.resource.FileHasher;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceId;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.protocol.resource.repository.LocalRepository;
import org.peershelf.protocol.resource.transfer.TransferMessages.ChunkRequest;
import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.ProtocolException;

/** A holder serves exactly the chunks it holds and refuses everything else with a code. */
@Tag("integration")
class ChunkServerTest {
    private static final int CHUNK = 4096;
    private final TestNodes nodes = new TestNodes();
    private final ExecutorService uploads = Executors.newFixedThreadPool(2);
    private LocalRepository repository;
    private Resource resource;
    private PeerLink link;
    private final ChunkClient client = new ChunkClient();

    @TempDir
    Path temp;

    @BeforeEach
    void setUp() throws Exception {
        repository = new LocalRepository(temp.resolve("repo"), CHUNK);
        byte[] bytes = new byte[3 * CHUNK + 100];
        new Random(9).nextBytes(bytes);
        resource = repository.add(ResourceMetadata.of("Data", ResourceType.DATASET),
                List.of(Files.write(temp.resolve("data.bin"), bytes)));
        PeerNode holder = nodes.create(TestNodes.fastConfig(), DeviceIdentity.generate());
        new ChunkServer(repository, TransferSettings.defaults(), uploads).register(holder.router());
        holder.start();
        PeerNode downloader = nodes.create(TestNodes.fastConfig(), DeviceIdentity.generate());
        client.register(downloader.router());
        downloader.start();
        link = downloader.dial(holder.deviceId(), "127.0.0.1", holder.port()).get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void tearDown() {
        nodes.close();
        uploads.shutdownNow();
    }

    @Test
    void servesEveryChunkOfAHeldResourceWithItsHash() throws Exception {
        for (int c = 0; c < resource.manifest().chunkCount(0); c++) {
            byte[] bytes = client.fetch(link, resource.id(), 0, c, resource.manifest().chunkLength(0, c))
                    .get(5, TimeUnit.SECONDS);
            assertThat(FileHasher.sha256Hex(bytes, 0, bytes.length)).isEqualTo(resource.manifest().chunkHash(0, c));
        }
    }

    @Test
    void unknownResourceIsAnsweredNotHeld() {
        ResourceId unknown = ResourceId.of("0".repeat(64));
        assertRefused(new ChunkRequest(unknown.hex(), 0, 0, CHUNK), ErrorCodes.NOT_HELD);
    }

    @Test
    void malformedIdIsRefused() {
        assertRefused(new ChunkRequest("../../etc/passwd", 0, 0, CHUNK), ErrorCodes.MALFORMED);
    }

    @Test
    void indexesAndLengthsOutsideTheManifestAreRefused() {
        String id = resource.id().hex();
        assertRefused(new ChunkRequest(id, 1, 0, CHUNK), ErrorCodes.OUT_OF_RANGE);
        assertRefused(new ChunkRequest(id, -1, 0, CHUNK), ErrorCodes.OUT_OF_RANGE);
        assertRefused(new ChunkRequest(id, 0, 4, CHUNK), ErrorCodes.OUT_OF_RANGE);
        assertRefused(new ChunkRequest(id, 0, -1, CHUNK), ErrorCodes.OUT_OF_RANGE);
        assertRefused(new ChunkRequest(id, 0, 0, Long.MAX_VALUE), ErrorCodes.OUT_OF_RANGE);
        assertRefused(new ChunkRequest(id, 0, 3, CHUNK), ErrorCodes.OUT_OF_RANGE); // the last chunk is 100 bytes
    }

    @Test
    void fileDeletedBehindTheRepositorysBackIsAnsweredNotHeld() throws Exception {
        Files.delete(repository.fileOf(resource.id(), 0).orElseThrow());
        assertRefused(new ChunkRequest(resource.id().hex(), 0, 0, CHUNK), ErrorCodes.NOT_HELD);
    }

    @Test
    void fileReplacedByALinkOutOfTheRepositoryIsRefused() throws Exception {
        Path held = repository.fileOf(resource.id(), 0).orElseThrow();
        Path outside = Files.copy(held, temp.resolve("outside.bin"));
        Files.delete(held);
        Files.createSymbolicLink(held, outside);
        assertRefused(new ChunkRequest(resource.id().hex(), 0, 0, CHUNK), ErrorCodes.REFUSED);
    }

    private void assertRefused(ChunkRequest request, String code) {
        assertThatThrownBy(() -> link.request(TransferEvents.CHUNK, request).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ProtocolException.class)
                .satisfies(e -> assertThat(((ProtocolException) e).code()).isEqualTo(code));
    }
}
