package org.peershelf.app.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.registry.Registry;
import org.peershelf.protocol.registry.ResourceHit;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceId;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;

/** Sharing on real peers and the embedded registry: add, publish, find in Explore, availability; the CLI share. */
@Tag("integration")
class SharingIntegrationTest {
    private static final Duration FAST = Duration.ofMillis(300);
    private static final Pattern SHARED = Pattern.compile("SHARED id=([0-9a-f]{64})");
    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @TempDir
    Path temp;

    @Test
    void sharedResourceIsFoundByAnotherPeerAndIsAvailableWhileItsHolderIsOnline() throws IOException {
        Peer ada = network.startPeer("ada", TestNetwork.config(FAST));
        Peer bob = network.startPeer("bob", TestNetwork.config(FAST));
        Path file = Files.writeString(temp.resolve("folding.csv"), "residue,angle\n1,42\n");
        Resource shared = ada.sharing().share(ResourceMetadata.builder("Protein folding angles", ResourceType.DATASET)
                .authors(List.of("Ada Lovelace")).tags(List.of("biology")).year(2025).build(), List.of(file));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<ResourceHit> hits = bob.explore().search("protein fold").hits();
            assertThat(hits).singleElement().satisfies(hit -> {
                assertThat(hit.published().resource()).isEqualTo(shared);
                assertThat(hit.published().publishedBy()).isEqualTo(ada.node().deviceId());
                assertThat(hit.availableNow()).isTrue();
            });
        });
        var owner = bob.explore().search("protein").hits().get(0).published().owner();
        assertThat(bob.explore().browse(owner, 0, 10).hits()).hasSize(1);
        assertThat(ada.publisher().pending()).isZero();

        ada.close();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(bob.explore().search("protein").hits()).singleElement()
                        .satisfies(hit -> assertThat(hit.availableNow()).isFalse()));
    }

    @Test
    void deletingALocalCopyRemovesThisDevicesHolderRecord() throws IOException {
        Peer ada = network.startPeer("ada", TestNetwork.config(FAST));
        Registry registry = network.newRegistryClient();
        Resource shared = ada.sharing().share(ResourceMetadata.of("Slides", ResourceType.SLIDES),
                List.of(Files.writeString(temp.resolve("talk.txt"), "talk")));
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.holders(shared.id()).contains(ada.node().deviceId()));

        ada.sharing().delete(shared.id());

        await().atMost(Duration.ofSeconds(10)).until(() -> registry.holders(shared.id()).isEmpty());
        assertThat(ada.repository().find(shared.id())).isEmpty();
    }

    @Test
    void headlessNodeSharesAFileAndPrintsItsId() throws Exception {
        Path file = Files.writeString(temp.resolve("paper.txt"), "a paper from the command line");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Xmx128m", "-cp", classPath(), "org.peershelf.app.Main", "node",
                "--profile", temp.resolve("profile").toString(), "--registry", network.uri(), "--name", "carol",
                "--heartbeat-ms", "300", "--status-every", "0",
                "--share", file.toString(), "--title", "Command line paper", "--type", "paper", "--author", "Carol",
                "--tag", "cli");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> read(process, output), "share-output");
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> output.stream().anyMatch(l -> SHARED.matcher(l).find()));
            Matcher m = output.stream().map(SHARED::matcher).filter(Matcher::find).findFirst().orElseThrow();
            ResourceId id = ResourceId.of(m.group(1));
            await().atMost(Duration.ofSeconds(15)).until(() -> output.contains("PUBLISHED id=" + id.hex()));

            Registry registry = network.newRegistryClient();
            assertThat(registry.findResource(id)).hasValueSatisfying(p ->
                    assertThat(p.resource().metadata().authors()).containsExactly("Carol"));
            assertThat(registry.holders(id)).hasSize(1);
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void read(Process process, List<String> into) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                into.add(line);
            }
        } catch (IOException e) {
            into.add("READ FAILED " + e);
        }
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
