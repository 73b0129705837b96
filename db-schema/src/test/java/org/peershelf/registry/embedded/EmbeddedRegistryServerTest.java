package org.peershelf.registry.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.registry.OnlineDevice;
import org.peershelf.protocol.registry.UserRecord;
import org.peershelf.registry.MongoRegistry;
import org.peershelf.registry.TestDevices;
import org.peershelf.registry.migration.Migration;
import org.peershelf.registry.migration.MigrationRunner;
import org.peershelf.registry.migration.Migrations;
import org.slf4j.LoggerFactory;

/** These test the embedded server itself, so they always run on it, whatever the environment says. */
@Tag("integration")
class EmbeddedRegistryServerTest {
    @TempDir
    Path folder;

    @Test
    void embeddedDataSurvivesRestart() {
        Path file = folder.resolve("registry.mv.db");
        UserRecord ada = new UserRecord(UserProfile.create("Ada", "Uni", "Maths"), 42L);
        OnlineDevice device = TestDevices.online(TestDevices.device(7), 3, TestDevices.NOW);
        try (EmbeddedRegistryServer server = EmbeddedRegistryServer.startOnFile(file, "127.0.0.1", 0);
             MongoRegistry registry = MongoRegistry.open(server.connectionString())) {
            registry.publishUser(ada);
            registry.announce(device);
        }

        try (EmbeddedRegistryServer server = EmbeddedRegistryServer.startOnFile(file, "127.0.0.1", 0);
             MongoRegistry registry = MongoRegistry.open(server.connectionString());
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(registry.findUser(ada.profile().userId())).contains(ada);
            assertThat(registry.onlineDevices(0)).containsExactly(device);
            List<Integer> all = Migrations.all().stream().map(Migration::number).toList();
            assertThat(MigrationRunner.applied(client.getDatabase("peershelf"))).containsExactlyInAnyOrderElementsOf(all);
            assertThat(client.getDatabase("peershelf").getCollection("schema_migrations").countDocuments())
                    .as("not migrated a second time").isEqualTo(all.size());
        }
    }

    @Test
    void profileFolderKeepsTheRegistryInRegistryMvDb() {
        Path profile = folder.resolve("profile-that-does-not-exist-yet");
        try (EmbeddedRegistryServer server = EmbeddedRegistryServer.startInProfileFolder(profile, "127.0.0.1", 0)) {
            MongoRegistry.open(server.connectionString()).close();
            assertThat(server.file()).contains(profile.resolve("registry.mv.db").toAbsolutePath());
        }
        assertThat(Files.isRegularFile(profile.resolve(EmbeddedRegistryServer.FILE_NAME))).isTrue();
    }

    @Test
    void anyFreePortIsChosenAndReported() {
        try (EmbeddedRegistryServer server = EmbeddedRegistryServer.startInMemory()) {
            assertThat(server.port()).isPositive();
            assertThat(server.host()).isEqualTo("127.0.0.1");
            assertThat(server.connectionString()).isEqualTo("mongodb://127.0.0.1:" + server.port());
            assertThat(server.file()).isEmpty();
        }
    }

    @Test
    void takenPortGivesATypedReadableError() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = other.getLocalPort();

            assertThatThrownBy(() -> EmbeddedRegistryServer.startInMemory("127.0.0.1", port))
                    .isInstanceOfSatisfying(RegistryPortInUseException.class, e -> {
                        assertThat(e.port()).isEqualTo(port);
                        assertThat(e.getMessage()).contains("Port " + port).contains("already in use");
                    });
        }
    }

    @Test
    void takenPortDoesNotLockTheFile() throws Exception {
        Path file = folder.resolve("registry.mv.db");
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedRegistryServer.startOnFile(file, "127.0.0.1", other.getLocalPort()))
                    .isInstanceOf(RegistryPortInUseException.class);
        }
        // the failed start closed the H2 file, so a retry on another port can open it
        EmbeddedRegistryServer.startOnFile(file, "127.0.0.1", 0).close();
    }

    @Test
    void fileInUseGivesAReadableError() {
        Path file = folder.resolve("registry.mv.db");
        try (EmbeddedRegistryServer first = EmbeddedRegistryServer.startOnFile(file, "127.0.0.1", 0)) {
            assertThatThrownBy(() -> EmbeddedRegistryServer.startOnFile(file, "127.0.0.1", 0))
                    .isInstanceOf(EmbeddedRegistryException.class)
                    .hasMessageContaining(file.toAbsolutePath().toString())
                    .hasMessageContaining("in use by another PeerShelf");
        }
    }

    @Test
    void wildcardBindWarnsAndIsReachedThroughLoopback() {
        List<ILoggingEvent> events = captureWarnings(() -> {
            try (EmbeddedRegistryServer server = EmbeddedRegistryServer.startInMemory("0.0.0.0", 0)) {
                assertThat(server.connectionString()).isEqualTo("mongodb://127.0.0.1:" + server.port());
                MongoRegistry.open(server.connectionString()).close();
            }
        });

        assertThat(events).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains("0.0.0.0").contains("no password");
        });
    }

    @Test
    void loopbackBindDoesNotWarn() {
        List<ILoggingEvent> events = captureWarnings(() -> EmbeddedRegistryServer.startInMemory().close());

        assertThat(events).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
    }

    @Test
    void closeIsIdempotentAndStopsListening() {
        EmbeddedRegistryServer server = EmbeddedRegistryServer.startInMemory();
        int port = server.port();
        server.close();
        server.close();

        // the port is free again: we can take it ourselves
        try (EmbeddedRegistryServer again = EmbeddedRegistryServer.startInMemory("127.0.0.1", port)) {
            assertThat(again.port()).isEqualTo(port);
        }
    }

    private static List<ILoggingEvent> captureWarnings(Runnable action) {
        Logger logger = (Logger) LoggerFactory.getLogger(EmbeddedRegistryServer.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            action.run();
        } finally {
            logger.detachAppender(appender);
        }
        return appender.list;
    }
}
