package org.peershelf.registry.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peershelf.registry.SilentServer;
import org.peershelf.registry.TestDevices;
import org.peershelf.registry.TestRegistries;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;

@Tag("integration")
class RegistryProbeTest {
    private static final Duration FAST = Duration.ofSeconds(6);
    private static EmbeddedRegistryServer server;
    private final RegistryProbe probe = new RegistryProbe();

    @BeforeAll
    static void startEmbedded() {
        server = EmbeddedRegistryServer.startInMemory();
    }

    @AfterAll
    static void stopEmbedded() {
        server.close();
    }

    @Test
    void runningRegistrySucceedsAndDescribesTheServer() {
        ProbeResult result = probe.probe(server.connectionString());

        assertThat(result.ok()).isTrue();
        assertThat(result.status()).isEqualTo(ProbeStatus.OK);
        assertThat(result.serverDescription()).startsWith("MongoDB ").contains("127.0.0.1:" + server.port());
        assertThat(result.message()).startsWith("The registry answers: ");
    }

    @Test
    void realMongoDbSucceedsWhenConfigured() {
        String external = System.getenv(TestRegistries.ENV);
        assumeTrue(external != null && !external.isBlank(), TestRegistries.ENV + " is not set");

        assertThat(probe.probe(external).status()).isEqualTo(ProbeStatus.OK);
    }

    @Test
    void emptyInputIsReported() {
        ProbeResult result = probe.probe("  ");

        assertThat(result.status()).isEqualTo(ProbeStatus.EMPTY);
        assertThat(result.message()).startsWith("Enter the registry address");
        assertThat(result.serverDescription()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:27017", "https://registry.example.org"})
    void otherSchemesAreReported(String typed) {
        assertThat(probe.probe(typed).status()).isEqualTo(ProbeStatus.WRONG_SCHEME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mongodb://", "mongodb://host:port", "mongodb+srv://a.example.org:27017"})
    void malformedAddressesAreReported(String typed) {
        ProbeResult result = probe.probe(typed);

        assertThat(result.status()).isEqualTo(ProbeStatus.MALFORMED);
        assertThat(result.message()).startsWith("This is not a valid registry address: ");
    }

    @Test
    void closedPortIsReportedAsRefusedQuickly() {
        int port = TestDevices.closedLoopbackPort();

        long start = System.nanoTime();
        ProbeResult result = probe.probe("mongodb://127.0.0.1:" + port);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
        assertThat(result.status()).isEqualTo(ProbeStatus.CONNECTION_REFUSED);
        assertThat(result.message()).contains("127.0.0.1:" + port).contains("connection refused");
    }

    @Test
    void silentServerIsReportedAsTimedOutWithinTheTimeout() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            long start = System.nanoTime();
            ProbeResult result = new RegistryProbe(Duration.ofSeconds(1)).probe("mongodb://127.0.0.1:" + silent.port());

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(result.status()).isEqualTo(ProbeStatus.TIMED_OUT);
            assertThat(result.message()).contains("did not answer in time");
        }
    }

    @Test
    void unknownHostIsReported() {
        ProbeResult result = probe.probe("mongodb://no-such-host.invalid");

        assertThat(result.status()).isEqualTo(ProbeStatus.UNKNOWN_HOST);
        assertThat(result.message()).contains("no-such-host.invalid:27017").contains("host name is not known");
    }

    @Test
    void wrongCredentialsAreReportedAsAuthFailureWithoutThePassword() {
        // the embedded registry has no users at all, so every login fails the way a wrong password does
        ProbeResult result = probe.probe("mongodb://alice:s3cret@127.0.0.1:" + server.port() + "/?authSource=admin");

        assertThat(result.status()).isEqualTo(ProbeStatus.AUTH_FAILED);
        assertThat(result.message()).contains("refused the user name or password").doesNotContain("s3cret");
    }
}
