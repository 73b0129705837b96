package org.peershelf.app.desktop.ui;

import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javax.imageio.ImageIO;
import org.peershelf.app.config.AppSettings;
import org.peershelf.app.desktop.DesktopOptions;
import org.peershelf.app.desktop.peers.PeerRow;
import org.peershelf.app.desktop.shell.PeerShelfApplication;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.app.desktop.explore.SampleResources;
import org.peershelf.protocol.registry.Registry;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.protocol.resource.repository.LocalRepository;
import org.peershelf.registry.MongoRegistry;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;

/**
 * Starts the real app on a real display (run it under {@code xvfb-run}, see docs/screenshots/take.sh)
 * with three headless colleagues online, walks through onboarding and every tab, and saves a PNG of each
 * to the folder given as the first argument.
 */
public final class ScreenshotTour {
    private static final Duration WAIT = Duration.ofSeconds(40);

    private final Path out;
    private Stage stage;

    private ScreenshotTour(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        new ScreenshotTour(out).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path temp = Files.createTempDirectory("peershelf-screenshots");
        List<Registry> clients = new ArrayList<>();
        List<Peer> peers = new ArrayList<>();
        List<Colleague> colleagues = new ArrayList<>();
        try (EmbeddedRegistryServer server = EmbeddedRegistryServer.startInMemory()) {
            for (UserProfile colleague : List.of(
                    UserProfile.create("Grace Hopper", "Yale University", "Computer science"),
                    UserProfile.create("Alan Turing", "University of Manchester", "Mathematics"),
                    UserProfile.create("Barbara Liskov", "MIT CSAIL", "Distributed systems"))) {
                Registry client = MongoRegistry.open(server.connectionString());
                clients.add(client);
                Peer peer = new Peer(NodeConfig.defaults(), temp.resolve(colleague.displayName().replace(' ', '-')),
                        DeviceIdentity.generate(), colleague, colleague.displayName() + "'s laptop", client,
                        Runnable::run, Clock.systemUTC());
                peer.start();
                peers.add(peer);
                colleagues.add(new Colleague(colleague, peer));
            }
            publishSamples(clients.get(0), colleagues);
            this.colleagues = colleagues;
            try {
                tour(temp.resolve("ada"), server.connectionString());
            } finally {
                // before the registry stops, so the colleagues can leave cleanly
                peers.forEach(Peer::close);
                clients.forEach(Registry::close);
            }
        }
    }

    /** Real-looking catalogue entries held by the three colleagues, and one by somebody who is offline. */
    private static void publishSamples(Registry registry, List<Colleague> colleagues) {
        long now = System.currentTimeMillis();
        Colleague grace = colleagues.get(0);
        Colleague alan = colleagues.get(1);
        Colleague barbara = colleagues.get(2);
        UserProfile charles = UserProfile.create("Charles Babbage", "University of Cambridge", "Mathematics");
        registry.publishUser(new org.peershelf.protocol.registry.UserRecord(charles, now));
        publish(registry, grace, now - 9_000, ResourceMetadata.builder("A compiler for business-oriented languages",
                ResourceType.PAPER).authors(List.of("Grace Hopper")).year(1959).tags(List.of("compilers", "cobol"))
                .abstractText("How English-like statements can be translated mechanically into machine code, and why "
                        + "that lets people who are not mathematicians write programs.").build());
        publish(registry, grace, now - 8_000, ResourceMetadata.builder("FLOW-MATIC sample programs", ResourceType.CODE)
                .authors(List.of("Grace Hopper")).year(1958).tags(List.of("compilers")).version("1.2").build());
        publish(registry, alan, now - 7_000, ResourceMetadata.builder(
                "On computable numbers, with an application to the Entscheidungsproblem", ResourceType.PAPER)
                .authors(List.of("Alan Turing")).year(1936).doi("10.1112/plms/s2-42.1.230").tags(List.of("logic"))
                .abstractText("The computable numbers may be described briefly as the real numbers whose expressions "
                        + "as a decimal are calculable by finite means.").build());
        publish(registry, alan, now - 6_000, ResourceMetadata.builder("Morphogenesis reaction-diffusion runs",
                ResourceType.DATASET).authors(List.of("Alan Turing")).year(1952).tags(List.of("biology")).build());
        publish(registry, barbara, now - 5_000, ResourceMetadata.builder("Data abstraction and hierarchy",
                ResourceType.SLIDES).authors(List.of("Barbara Liskov")).year(1987).tags(List.of("types")).build());
        publish(registry, barbara, now - 4_000, ResourceMetadata.builder("CLU reference implementation",
                ResourceType.CODE).authors(List.of("Barbara Liskov", "Russell Atkinson", "Craig Schaffert"))
                .year(1979).tags(List.of("languages")).build());
        var notes = SampleResources.published(ResourceMetadata.builder("Notes on the analytical engine",
                ResourceType.THESIS).authors(List.of("Charles Babbage", "Ada Lovelace")).year(1843).build(),
                charles.userId(), DeviceIdentity.generate().deviceId(), now - 3_000);
        registry.publishResource(notes);
        registry.addHolder(notes.resource().id(), notes.publishedBy(), now - 3_000);
    }

    /** Shared for real (files hashed, published through the outbox), so the tour can download one. */
    private static void publish(Registry registry, Colleague holder, long at, ResourceMetadata metadata) {
        try {
            Path folder = Files.createTempDirectory("peershelf-sample");
            Path file = folder.resolve(metadata.title().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.ROOT)
                    + ".txt");
            byte[] body = new byte[(int) (200_000 + (at % 7) * 150_000)];
            java.util.Arrays.fill(body, (byte) 'x');
            Files.write(file, body);
            holder.peer().sharing().share(metadata, List.of(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Colleague(UserProfile profile, Peer peer) {
    }

    private List<Colleague> colleagues = List.of();

    private void tour(Path profile, String registryUri) throws Exception {
        fillRepository(profile.resolve("repository"));
        CountDownLatch left = new CountDownLatch(1);
        AppSettings settings = new AppSettings(profile, Optional.empty(), freePort(), NodeConfig.defaults());
        PeerShelfApplication app = new PeerShelfApplication(new DesktopOptions(settings, Duration.ofSeconds(3), left::countDown));
        Platform.startup(() -> {
            Platform.setImplicitExit(false);
            stage = new Stage();
            app.start(stage);
        });
        waitFor("#onboarding");
        fx(() -> {
            text("#name", "Ada Lovelace");
            text("#institution", "University of London");
            text("#field", "Mathematics");
            text("#orcid", "0000-0002-1825-0097");
            text("#email", "ada@london.ac.uk");
            ((RadioButton) node("#registryLab")).fire();
            text("#registryUri", registryUri);
            ((Button) node("#testRegistry")).fire();
            return null;
        });
        await().atMost(WAIT).until(() -> fx(() -> ((javafx.scene.control.Label) node("#testResult")).getText())
                .startsWith("The registry answers"));
        snapshot("onboarding");

        fx(() -> {
            ((Button) node("#finish")).fire();
            return null;
        });
        waitFor("#mainTabs");
        await().atMost(WAIT).until(() -> fx(() -> {
            TableView<?> table = (TableView<?>) node("#peersTable");
            return table != null && table.getItems().size() == 3 && table.getItems().stream()
                    .allMatch(r -> ((PeerRow) r).rttText().endsWith("ms") && !((PeerRow) r).userName().isEmpty());
        }));
        startConversations(fx(() -> ((TextField) node("#selfDeviceId")).getText()));
        String[] tabs = {"repository", "explore", "downloads", "chats", "peers"};
        for (int i = 0; i < tabs.length; i++) {
            int index = i;
            fx(() -> {
                ((TabPane) node("#mainTabs")).getSelectionModel().select(index);
                return null;
            });
            if (tabs[i].equals("repository")) {
                await().atMost(WAIT).until(() -> fx(() -> ((TableView<?>) node("#repositoryTable")).getItems().size() == 3));
                fx(() -> {
                    TableView<?> table = (TableView<?>) node("#repositoryTable");
                    for (int row = 0; row < table.getItems().size(); row++) {
                        if (((org.peershelf.app.desktop.repository.HeldRow) table.getItems().get(row)).versionText().equals("2")) {
                            table.getSelectionModel().select(row);
                        }
                    }
                    ((Button) node("#publishButton")).fire();
                    return null;
                });
                await().atMost(WAIT).until(() -> fx(() -> ((javafx.scene.control.Label) node("#heldListing")).getText()
                        .endsWith(": published")));
            }
            if (tabs[i].equals("explore")) {
                await().atMost(WAIT).until(() -> fx(() -> {
                    List<String> titles = ((TableView<?>) node("#exploreTable")).getItems().stream()
                            .map(r -> ((org.peershelf.app.desktop.explore.ResultRow) r).title()).toList();
                    return titles.stream().anyMatch(t -> t.startsWith("Morphogenesis"))
                            && titles.stream().anyMatch(t -> t.startsWith("On computable"))
                            && titles.stream().anyMatch(t -> t.startsWith("Bernoulli"));
                }));
                // download the dataset first, so the Downloads tab has something to show
                fx(() -> {
                    TableView<?> table = (TableView<?>) node("#exploreTable");
                    for (int row = 0; row < table.getItems().size(); row++) {
                        if (((org.peershelf.app.desktop.explore.ResultRow) table.getItems().get(row)).title()
                                .startsWith("Morphogenesis")) {
                            table.getSelectionModel().select(row);
                        }
                    }
                    ((Button) node("#downloadButton")).fire();
                    return null;
                });
                fx(() -> {
                    TableView<?> table = (TableView<?>) node("#exploreTable");
                    for (int row = 0; row < table.getItems().size(); row++) {
                        if (((org.peershelf.app.desktop.explore.ResultRow) table.getItems().get(row)).title()
                                .startsWith("On computable")) {
                            table.getSelectionModel().select(row);
                        }
                    }
                    return null;
                });
            }
            if (tabs[i].equals("chats")) {
                await().atMost(WAIT).until(() -> fx(() -> ((javafx.scene.control.ListView<?>) node("#conversations"))
                        .getItems().stream().anyMatch(c -> ((org.peershelf.app.desktop.chats.ConversationRow) c).isRoom())));
                fx(() -> {
                    var list = (javafx.scene.control.ListView<?>) node("#conversations");
                    for (int row = 0; row < list.getItems().size(); row++) {
                        if (((org.peershelf.app.desktop.chats.ConversationRow) list.getItems().get(row)).isRoom()) {
                            list.getSelectionModel().select(row);
                        }
                    }
                    ((javafx.scene.control.TextArea) node("#draft")).setText("Yes please: Kademlia, then Chord.");
                    ((Button) node("#send")).fire();
                    return null;
                });
                await().atMost(WAIT).until(() -> fx(() -> ((javafx.scene.control.ListView<?>) node("#messages"))
                        .getItems().size() >= 4));
            }
            if (tabs[i].equals("downloads")) {
                await().atMost(WAIT).until(() -> fx(() -> {
                    TableView<?> table = (TableView<?>) node("#downloadsTable");
                    return table.getItems().size() == 1 && ((org.peershelf.app.desktop.downloads.DownloadRow)
                            table.getItems().get(0)).stateText().equals("Finished");
                }));
                fx(() -> {
                    ((TableView<?>) node("#downloadsTable")).getSelectionModel().select(0);
                    return null;
                });
            }
            snapshot(tabs[i]);
            if (tabs[i].equals("repository")) {
                await().atMost(WAIT).until(() -> fx(() -> ((javafx.scene.control.ListView<?>) node("#heldVersions"))
                        .getItems().size() == 2));
                snapshot("repository");
                fx(() -> {
                    ((Button) node("#editDetails")).fire();
                    return null;
                });
                waitFor("#formHeading");
                snapshot("repository-edit");
                fx(() -> {
                    ((Button) node("#cancelForm")).fire();
                    return null;
                });
            }
        }
        fx(() -> {
            MenuBar bar = (MenuBar) stage.getScene().getRoot().lookup(".menu-bar");
            bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(item -> "menuTheme".equals(item.getId()))
                    .findFirst().orElseThrow().fire();
            return null;
        });
        snapshot("peers-dark");
        fx(() -> {
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            return null;
        });
        if (!left.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the app did not leave the network within 20 s");
        }
    }

    /** Grace opens a reading-group room with Alan and the newcomer, and they talk a little. */
    private void startConversations(String adaDevice) {
        var ada = org.peershelf.protocol.identity.DeviceId.of(adaDevice);
        Peer grace = colleagues.get(0).peer();
        Peer alan = colleagues.get(1).peer();
        String room = grace.chats().rooms().create("P2P reading group", List.of(ada, alan.node().deviceId()));
        await().atMost(WAIT).until(() -> alan.chats().rooms().list().stream().anyMatch(r -> r.roomId().equals(room)));
        grace.chats().rooms().say(room, "Welcome! This week: the Kademlia paper, sections 1 to 3.");
        await().atMost(WAIT).until(() -> alan.chats().rooms().history(room).size() == 1);
        alan.chats().rooms().say(room, "I shared my notes on XOR distance in Explore.");
        grace.chats().direct().send(ada, "Hi Ada, glad you joined. Ask me anything about compilers.");
    }

    /** Ada's own files, already in her repository folder before her first start (as after a restore). */
    private static void fillRepository(Path folder) throws IOException {
        Path files = Files.createTempDirectory("peershelf-ada-files");
        Path notes = Files.writeString(files.resolve("notes-on-the-engine.txt"), "Note G: an algorithm for Bernoulli numbers.\n");
        Path tables = Files.createDirectories(files.resolve("bernoulli-tables"));
        Files.writeString(tables.resolve("b1-b10.csv"), "n,B\n0,1\n1,-1/2\n2,1/6\n");
        Files.writeString(tables.resolve("README.txt"), "Bernoulli numbers computed by hand, 1843.\n");
        LocalRepository repository = new LocalRepository(folder);
        repository.add(ResourceMetadata.builder("Sketch of the analytical engine, with notes by the translator",
                ResourceType.PAPER).authors(List.of("Luigi Menabrea", "Ada Lovelace")).year(1843)
                .tags(List.of("computing")).build(), List.of(notes));
        Path firstTables = Files.createDirectories(files.resolve("first").resolve("bernoulli-tables"));
        Files.writeString(firstTables.resolve("b1-b8.csv"), "n,B\n0,1\n1,-1/2\n2,1/6\n");
        var first = repository.add(ResourceMetadata.builder("Bernoulli number tables", ResourceType.DATASET)
                .authors(List.of("Ada Lovelace")).year(1843).licence("CC0-1.0").version("1").build(), List.of(firstTables));
        repository.add(first.metadata().asNewVersionOf(first.id(), "2"), List.of(tables));
    }

    private void waitFor(String query) {
        await().atMost(WAIT).until(() -> fx(() -> node(query) != null && node(query).isVisible()));
    }

    private Node node(String query) {
        return stage.getScene().getRoot().lookup(query);
    }

    private void text(String query, String value) {
        ((TextField) node(query)).setText(value);
    }

    /** Lets two pulses pass so layout and CSS settle, then saves the scene as {@code <name>.png}. */
    private void snapshot(String name) throws Exception {
        for (int i = 0; i < 3; i++) {
            fx(() -> null);
            Thread.sleep(150); // a tool, not a test: give the renderer a pulse or two
        }
        WritableImage image = fx(() -> stage.getScene().snapshot(null));
        ImageIO.write(toBuffered(image), "png", out.resolve(name + ".png").toFile());
    }

    private static BufferedImage toBuffered(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        PixelReader reader = image.getPixelReader();
        reader.getPixels(0, 0, width, height, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        buffered.setRGB(0, 0, width, height, argb, 0, width);
        return buffered;
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(20, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
