package org.peershelf.app.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.app.config.AppSettings;
import org.peershelf.app.desktop.DesktopOptions;
import java.util.List;
import javafx.scene.control.ListView;
import org.peershelf.app.desktop.chats.ConversationRow;
import org.peershelf.app.desktop.chats.MessageRow;
import org.peershelf.app.desktop.downloads.DownloadRow;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.app.desktop.explore.ResultRow;
import org.peershelf.app.desktop.peers.PeerRow;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.app.desktop.shell.PeerShelfApplication;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.registry.Registry;
import org.peershelf.registry.MongoRegistry;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The real desktop app on Monocle headless, against an in-memory embedded registry over TCP and a
 * headless peer on loopback: a new user onboards (testing the lab registry on the way), sees the other
 * peer, finds what it published with Ctrl+F and downloads it to "Finished", exchanges chat messages with it
 * (Ctrl+Enter sends; the reply and the delivered mark show), closes the window (going offline), and comes back straight
 * to the main window.
 */
@Tag("integration")
class DesktopAppTest {
    private static final Duration FAST = Duration.ofMillis(500);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static Stage stage;

    @TempDir
    Path temp;

    private final FxRobot robot = new FxRobot();
    private EmbeddedRegistryServer server;
    private Registry peerRegistry;
    private Peer grace;
    private Application app;

    @BeforeAll
    static void toolkit() throws Exception {
        Headless.configure();
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        if (grace != null) {
            grace.close();
        }
        if (peerRegistry != null) {
            peerRegistry.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void newUserOnboardsSeesTheOtherPeerLeavesAndReturnsStraightToTheMainWindow() throws Exception {
        server = EmbeddedRegistryServer.startInMemory();
        UserProfile graceProfile = UserProfile.create("Grace Hopper", "Yale University", "Computer science");
        peerRegistry = MongoRegistry.open(server.connectionString());
        grace = new Peer(NodeConfig.defaults().withHeartbeat(FAST), temp.resolve("grace"), DeviceIdentity.generate(),
                graceProfile, "grace-laptop", peerRegistry,
                Runnable::run, Clock.systemUTC());
        grace.start();
        Path paper = java.nio.file.Files.write(temp.resolve("cobol.txt"), new byte[300_000]);
        grace.sharing().share(ResourceMetadata.builder("A compiler for business-oriented languages", ResourceType.PAPER)
                .authors(List.of("Grace Hopper")).year(1959).build(), List.of(paper));
        Path profile = temp.resolve("ada");

        CountDownLatch left = startApp(profile);
        waitFor("#onboarding");
        robot.clickOn("#name").write("Ada");
        type("#institution", "University of London");
        Path shelf = temp.resolve("data-disk").resolve("shelf");
        type("#repositoryFolder", shelf.toString());
        robot.clickOn("#registryLab");
        type("#registryUri", "http://" + server.host() + ":" + server.port());
        robot.clickOn("#testRegistry");
        await().atMost(WAIT).until(() -> text("#testResult").startsWith("A registry address starts with mongodb://"));
        type("#registryUri", server.connectionString());
        robot.clickOn("#testRegistry");
        await().atMost(WAIT).until(() -> text("#testResult").startsWith("The registry answers"));
        robot.clickOn("#finish");

        waitFor("#mainWindow");
        waitFor("#repositoryView");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        TableView<PeerRow> table = robot.lookup("#peersTable").queryTableView();
        await().atMost(WAIT).untilAsserted(() -> assertThat(table.getItems()).singleElement().satisfies(row -> {
            assertThat(row.displayName()).isEqualTo("Grace Hopper");
            assertThat(row.institution()).isEqualTo("Yale University");
            assertThat(row.link()).isNotEqualTo(PeerRow.LinkState.NOT_LINKED);
        }));
        await().atMost(WAIT).until(() -> text("#statusPeers").equals("1 peer online"));
        assertThat(text("#statusRegistry")).startsWith("Connected to");

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        TableView<ResultRow> results = robot.lookup("#exploreTable").queryTableView();
        TextField search = robot.lookup("#searchField").queryAs(TextField.class);
        await().atMost(WAIT).until(search::isFocused);
        robot.interact(() -> search.setText("compiler"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(results.getItems()).singleElement().satisfies(row -> {
            assertThat(row.title()).isEqualTo("A compiler for business-oriented languages");
            assertThat(row.ownerText()).isEqualTo("Grace Hopper");
            assertThat(row.available()).isTrue();
        }));
        robot.interact(() -> results.getSelectionModel().select(0));
        robot.clickOn("#downloadButton");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        TableView<DownloadRow> downloads = robot.lookup("#downloadsTable").queryTableView();
        await().atMost(WAIT).untilAsserted(() -> assertThat(downloads.getItems()).singleElement()
                .extracting(DownloadRow::stateText).isEqualTo("Finished"));
        try (java.util.stream.Stream<Path> held = java.nio.file.Files.list(shelf.resolve("resources"))) {
            assertThat(held.count()).as("the download went into the chosen repository folder").isEqualTo(1);
        }
        robot.interact(() -> search.setText("compiler quantum"));
        await().atMost(WAIT).until(() -> results.getItems().isEmpty());

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        ListView<ConversationRow> conversations = robot.lookup("#conversations").queryListView();
        await().atMost(WAIT).until(() -> conversations.getItems().stream().anyMatch(c -> c.title().equals("Grace Hopper")));
        robot.interact(() -> conversations.getSelectionModel().select(conversations.getItems().stream()
                .filter(c -> c.title().equals("Grace Hopper")).findFirst().orElseThrow()));
        robot.clickOn("#draft").write("Hi Grace");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        DeviceId adaDevice = DeviceId.of(robot.lookup("#selfDeviceId").queryAs(TextField.class).getText());
        await().atMost(WAIT).until(() -> grace.chats().direct().history(adaDevice).stream()
                .anyMatch(line -> line.text().equals("Hi Grace")));
        grace.chats().direct().send(adaDevice, "Hello Ada");
        ListView<MessageRow> messages = robot.lookup("#messages").queryListView();
        await().atMost(WAIT).until(() -> messages.getItems().stream().anyMatch(m -> m.text().equals("Hello Ada")));
        await().atMost(WAIT).until(() -> messages.getItems().stream().anyMatch(m -> m.mark().contains("delivered")));
        type("#newRoomName", "Compiler club");
        robot.clickOn("#createRoom");
        await().atMost(WAIT).until(() -> conversations.getItems().stream().anyMatch(c -> c.title().equals("Compiler club")));
        await().atMost(WAIT).until(() -> text("#roomHost").startsWith("You host this room"));
        assertThat(robot.lookup("#deleteRoom").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#leaveRoom").queryButton().isDisabled()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);

        closeWindowAndWaitUntilOffline(left);
        FxToolkit.cleanupApplication(app);

        CountDownLatch leftAgain = startApp(profile);
        waitFor("#mainWindow");
        assertThat(robot.lookup("#onboarding").tryQuery()).isEmpty();
        waitFor("#peersTable");
        TableView<PeerRow> again = robot.lookup("#peersTable").queryTableView();
        assertThat(again.isVisible()).as("the Peers tab was remembered").isTrue();
        await().atMost(WAIT).until(() -> again.getItems().size() == 1);
        assertThat(text("#peersSelfName")).isEqualTo("Ada — University of London");
        closeWindowAndWaitUntilOffline(leftAgain);
    }

    private void closeWindowAndWaitUntilOffline(CountDownLatch left) throws InterruptedException {
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(left.await(15, TimeUnit.SECONDS)).as("the app went offline and closed").isTrue();
        await().atMost(WAIT).until(() -> grace.presence().view().isEmpty());
    }

    /** Sets a field's text as pasting would; the robot types too slowly on Monocle for long strings. */
    private void type(String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(() -> field.setText(text));
    }

    private CountDownLatch startApp(Path profile) throws Exception {
        CountDownLatch left = new CountDownLatch(1);
        AppSettings settings = new AppSettings(profile, Optional.empty(), freePort(), NodeConfig.defaults().withHeartbeat(FAST));
        app = FxToolkit.setupApplication(() -> new PeerShelfApplication(
                new DesktopOptions(settings, Duration.ofSeconds(2), left::countDown)));
        return left;
    }

    private void waitFor(String query) {
        await().atMost(WAIT).until(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false));
    }

    private String text(String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
