package org.peershelf.app.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.registry.Registry;
import org.peershelf.protocol.resource.Manifest;
import org.peershelf.protocol.resource.ManifestBuilder;
import org.peershelf.protocol.resource.PackageScanner;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceId;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.protocol.resource.transfer.DownloadProgress;
import org.peershelf.protocol.resource.transfer.DownloadState;
import org.peershelf.protocol.resource.transfer.SpaceProbe;

/** A full disk stops a download with a clear message, keeps its verified chunks, and leaves the peer up. */
@Tag("integration")
class DiskFullIntegrationTest {
    private static final Duration FAST = Duration.ofMillis(300);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ResourceMetadata PACKAGE = ResourceMetadata.builder("Ice cores", ResourceType.DATASET).build();

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @TempDir
    Path temp;

    @Test
    void tooLittleFreeSpaceFailsBeforeFetchingAnythingAndTheSameDownloadWorksOnceThereIsRoom() throws Exception {
        Peer holder = network.startPeer("holder", TestNetwork.config(FAST));
        Resource shared = TestShares.share(holder, PACKAGE, TestShares.randomFile(temp, "a.bin", 500_000, 1));
        awaitHolders(shared.id(), 1);
        Peer downloader = network.startPeer("dora", TestNetwork.config(FAST));
        downloader.transfers().setSpaceProbe(folder -> 100_000);

        downloader.transfers().download(shared.id());

        DownloadProgress failed = awaitState(downloader, shared.id(), DownloadState.FAILED);
        assertThat(failed.message()).startsWith("Not enough disk space").contains("0.5 MB", "0.1 MB");
        assertThat(failed.fetchedChunks()).isZero();
        assertThat(holder.transfers().chunksServed()).isZero();

        downloader.transfers().setSpaceProbe(SpaceProbe.FILE_STORE); // the user freed some space
        downloader.transfers().download(shared.id());

        awaitState(downloader, shared.id(), DownloadState.COMPLETED);
        assertThat(TestShares.sha256(downloader.repository().fileOf(shared.id(), 0).orElseThrow()))
                .isEqualTo(TestShares.sha256(temp.resolve("a.bin")));
    }

    @Test
    void aWriteFailingWithNoSpaceLeftStopsTheDownloadKeepsVerifiedChunksAndItResumesFromThem() throws Exception {
        Path devFull = Paths.get("/dev/full"); // every write to it fails with ENOSPC, as on a full disk
        assumeTrue(Files.isWritable(devFull), "needs /dev/full");
        Path a = TestShares.randomFile(temp, "a.bin", 16 * TestShares.CHUNK, 2);
        Path b = TestShares.randomFile(temp, "b.bin", 2 * TestShares.CHUNK, 3);
        Peer holder = network.startPeer("holder", TestNetwork.config(FAST));
        Resource shared = sharePackage(holder, a, b);
        awaitHolders(shared.id(), 1);
        Peer downloader = network.startPeer("dora", TestNetwork.config(FAST));
        // b.bin's chunks (16, 17) are asked for only after a.bin's first ones arrived: 8 chunks are open at a time
        Path staged = downloader.repository().stagingDir().resolve(shared.id().hex()).resolve("files");
        Files.createDirectories(staged);
        Files.createSymbolicLink(staged.resolve("b.bin"), devFull);

        downloader.transfers().download(shared.id());

        DownloadProgress failed = awaitState(downloader, shared.id(), DownloadState.FAILED);
        assertThat(failed.message()).startsWith("The disk is full");
        assertThat(failed.verifiedBytes()).isGreaterThanOrEqualTo(8L * TestShares.CHUNK);
        long verifiedChunks = failed.verifiedBytes() / TestShares.CHUNK; // all of a.bin's chunks are whole ones
        assertThat(downloader.explore().search("ice").hits()).isNotEmpty(); // the peer is still up

        Files.delete(staged.resolve("b.bin")); // space again
        downloader.transfers().download(shared.id());

        DownloadProgress done = awaitState(downloader, shared.id(), DownloadState.COMPLETED);
        assertThat(done.fetchedChunks()).isEqualTo(shared.manifest().totalChunks() - verifiedChunks);
        assertThat(TestShares.sha256(downloader.repository().fileOf(shared.id(), 0).orElseThrow()))
                .isEqualTo(TestShares.sha256(a));
        assertThat(TestShares.sha256(downloader.repository().fileOf(shared.id(), 1).orElseThrow()))
                .isEqualTo(TestShares.sha256(b));
    }

    private static Resource sharePackage(Peer peer, Path... files) throws Exception {
        Path staged = peer.repository().stagingDir().resolve("test-share-" + UUID.randomUUID());
        Files.createDirectories(staged);
        List<Path> copies = new java.util.ArrayList<>();
        for (Path f : files) {
            copies.add(Files.copy(f, staged.resolve(f.getFileName().toString())));
        }
        Manifest manifest = new ManifestBuilder(TestShares.CHUNK).build(PackageScanner.scan(copies));
        Resource resource = peer.repository().importVerified(Resource.of(PACKAGE, manifest), staged);
        peer.publisher().publish(resource.id());
        return resource;
    }

    private void awaitHolders(ResourceId id, int count) {
        Registry registry = network.newRegistryClient();
        await().atMost(WAIT).until(() -> registry.holders(id).size() == count);
    }

    private static DownloadProgress awaitState(Peer peer, ResourceId id, DownloadState state) {
        await().atMost(WAIT).until(() -> peer.transfers().progress(id).map(p -> p.state() == state).orElse(false));
        return peer.transfers().progress(id).orElseThrow();
    }
}
