package org.peershelf.app.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.app.testing.NodeProcess;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.registry.Registry;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;

/** A downloading peer in its own process, SIGKILLed half way and started again, resumes from its verified chunks. */
@Tag("integration")
class DownloadResumeIntegrationTest {
    private static final Duration FAST = Duration.ofMillis(300);
    private static final Duration WAIT = Duration.ofSeconds(40);
    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @TempDir
    Path temp;

    @Test
    void downloadKilledHalfWayResumesWithoutFetchingVerifiedChunksAgain() throws Exception {
        Path original = TestShares.randomFile(temp, "survey.bin", 2_000_000, 7);
        Peer holder = network.startPeer("holder", TestNetwork.config(FAST));
        Resource shared = TestShares.share(holder, ResourceMetadata.of("Survey answers", ResourceType.DATASET), original);
        holder.transfers().setUploadRate(400_000); // about 5 s for the whole file: time to kill it half way
        Registry registry = network.newRegistryClient();
        await().atMost(WAIT).until(() -> registry.holders(shared.id()).contains(holder.node().deviceId()));
        int total = shared.manifest().totalChunks();
        Path profile = temp.resolve("downloader");
        Pattern percent = Pattern.compile("DOWNLOAD id=" + shared.id().hex() + " (\\d+)%");

        DeviceId downloader;
        try (NodeProcess first = NodeProcess.start(profile, network.uri(), "dora", FAST, "--download", shared.id().hex())) {
            downloader = first.awaitOnline(WAIT);
            await().atMost(WAIT).until(() -> lastPercent(first.output(), percent).orElse(0) >= 50);
            first.kill();
        }
        long servedBeforeKill = holder.transfers().chunksServed();
        assertThat(servedBeforeKill).isLessThan(total);

        Pattern done = Pattern.compile("DOWNLOADED id=" + shared.id().hex() + " fetched=(\\d+)");
        try (NodeProcess second = NodeProcess.start(profile, network.uri(), "dora", FAST)) {
            await().atMost(WAIT).until(() -> second.output().stream().anyMatch(l -> done.matcher(l).find()));
            Matcher m = second.output().stream().map(done::matcher).filter(Matcher::find).findFirst().orElseThrow();
            int fetchedAfterRestart = Integer.parseInt(m.group(1));
            assertThat(fetchedAfterRestart).as("chunks fetched after the restart, of " + total)
                    .isPositive().isLessThanOrEqualTo(total - total / 2);
            Path downloaded = profile.resolve("repository").resolve("resources").resolve(shared.id().hex())
                    .resolve("files").resolve("survey.bin");
            assertThat(TestShares.sha256(downloaded)).isEqualTo(TestShares.sha256(original));
            await().atMost(WAIT).until(() -> registry.holders(shared.id()).contains(downloader));
        }
    }

    private static Optional<Integer> lastPercent(List<String> output, Pattern percent) {
        Integer last = null;
        for (String line : output) {
            Matcher m = percent.matcher(line);
            if (m.find()) {
                last = Integer.parseInt(m.group(1));
            }
        }
        return Optional.ofNullable(last);
    }
}
