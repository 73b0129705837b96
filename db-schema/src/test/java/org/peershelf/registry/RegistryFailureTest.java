package org.peershelf.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.RegistryUnavailableException;
import org.peershelf.registry.connection.InvalidRegistryUriException;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;

/** What a person sees when the registry is down, far away or hanging. Always local: no real MongoDB needed. */
@Tag("integration")
class RegistryFailureTest {
    /** Server selection is 3 s; leave room for a slow CI machine, but far below the driver's 30 s default. */
    private static final Duration FAST = Duration.ofSeconds(8);

    @Test
    void downRegistryFailsFastWithReadableError() {
        int port = TestDevices.closedLoopbackPort();

        long start = System.nanoTime();
        RegistryUnavailableException e = catchThrowableOfType(RegistryUnavailableException.class,
                () -> MongoRegistry.open("mongodb://127.0.0.1:" + port));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(FAST);
        assertThat(e.getMessage()).isEqualTo("The registry at 127.0.0.1:" + port + " cannot be reached: nothing is "
                + "listening on that port (connection refused). Check that the registry is running and that the "
                + "port is right.");
        assertThat(e.getCause()).isInstanceOf(com.mongodb.MongoTimeoutException.class);
    }

    @Test
    void registryThatStopsFailsFastWithReadableError() {
        EmbeddedRegistryServer server = EmbeddedRegistryServer.startInMemory();
        try (MongoRegistry registry = MongoRegistry.open(server.connectionString())) {
            registry.onlineDevices(0);
            server.close();

            long start = System.nanoTime();
            RegistryUnavailableException e = catchThrowableOfType(RegistryUnavailableException.class,
                    () -> registry.findUsers(List.of(new UserId("u-1"))));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
            assertThat(e.getMessage()).startsWith("The registry at 127.0.0.1:" + server.port() + " cannot be reached");
        } finally {
            server.close();
        }
    }

    @Test
    void hangingRegistryTimesOutWithReadableError() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            long start = System.nanoTime();
            RegistryUnavailableException e = catchThrowableOfType(RegistryUnavailableException.class,
                    () -> MongoRegistry.open("mongodb://127.0.0.1:" + silent.port()));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
            assertThat(e.getMessage()).contains("127.0.0.1:" + silent.port()).contains("did not answer in time");
        }
    }

    @Test
    void unknownHostGivesReadableError() {
        RegistryUnavailableException e = catchThrowableOfType(RegistryUnavailableException.class,
                () -> MongoRegistry.open("mongodb://no-such-host.invalid:27017"));

        assertThat(e.getMessage()).contains("no-such-host.invalid:27017").contains("host name is not known");
    }

    @Test
    void invalidAddressIsRejectedBeforeConnecting() {
        InvalidRegistryUriException e = catchThrowableOfType(InvalidRegistryUriException.class,
                () -> MongoRegistry.open("registry.example.org:27017"));

        assertThat(e.problem()).isEqualTo(InvalidRegistryUriException.Problem.WRONG_SCHEME);
    }

    @Test
    void databaseNamedInTheAddressIsUsed() {
        try (EmbeddedRegistryServer server = EmbeddedRegistryServer.startInMemory();
             MongoRegistry registry = MongoRegistry.open(server.connectionString() + "/group_a")) {
            assertThat(registry.describe()).isEqualTo("registry at 127.0.0.1:" + server.port() + " (database group_a)");
        }
    }
}
