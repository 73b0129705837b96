package org.peershelf.app.desktop.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.time.Clock;
import org.peershelf.protocol.node.EventPublisher;
import org.peershelf.protocol.resource.publish.Publisher;
import org.peershelf.protocol.resource.repository.LocalRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.app.desktop.notify.Notice;
import org.peershelf.app.desktop.notify.NotificationCenter;
import org.peershelf.app.desktop.task.BackgroundTasks;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.Registry;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.registry.MongoRegistry;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;

/**
 * My Repository over the real repository, outbox and registry code (embedded server over TCP). The UI
 * executor is a single thread standing in for the FX thread; assertions read the model on it.
 */
@Tag("integration")
class RepositoryViewModelTest {
    @TempDir
    Path temp;

    private final ExecutorService uiThread = Executors.newSingleThreadExecutor();
    private final Executor ui = uiThread;
    private final NotificationCenter notices = new NotificationCenter();
    private final UserId ada = UserId.random();
    private EmbeddedRegistryServer server;
    private Registry registry;
    private final ScheduledExecutorService outboxThread = Executors.newSingleThreadScheduledExecutor();
    private Publisher publisher;
    private DesktopResources resources;
    private RepositoryViewModel model;

    @BeforeEach
    void open() {
        server = EmbeddedRegistryServer.startInMemory();
        registry = MongoRegistry.open(server.connectionString());
        LocalRepository repository = new LocalRepository(temp.resolve("repository"));
        publisher = new Publisher(Publisher.openOutbox(temp.resolve("outbox.log")), registry, repository, ada,
                DeviceIdentity.generate().deviceId(), Clock.systemUTC(), outboxThread, new EventPublisher<>(ui),
                Publisher.Settings.DEFAULT);
        publisher.start();
        resources = new DesktopResources(repository, publisher, null, ada);
        model = new RepositoryViewModel(resources, registry, new BackgroundTasks(Executors.newSingleThreadExecutor(), ui),
                notices, () -> 0L);
        onUi(model::start);
    }

    @AfterEach
    void close() {
        publisher.close();
        outboxThread.shutdownNow();
        registry.close();
        server.close();
        uiThread.shutdownNow();
    }

    @Test
    void addingFilesCopiesThemInAndPublishesThemToTheCatalogue() throws IOException {
        Path paper = Files.writeString(temp.resolve("engine_notes.txt"), "Notes on the analytical engine");
        onUi(() -> {
            model.startAdding(List.of(paper));
            model.form().authorsProperty().set("Ada Lovelace");
            model.confirmAdding();
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> read(() -> model.rows().size() == 1
                && model.rows().get(0).listing() == HeldRow.Listing.PUBLISHED));
        HeldRow row = read(() -> model.rows().get(0));
        assertThat(row.title()).isEqualTo("engine notes");
        assertThat(row.holders()).isEqualTo(1);
        assertThat(registry.search(ResourceQuery.text("engine", 0)).hits()).hasSize(1);
        assertThat(read(() -> model.addingProperty().get())).isFalse();
        assertThat(read(() -> notices.latestProperty().get().title())).isEqualTo("Added to your repository");
    }

    @Test
    void addingWithoutPublishingKeepsItOnThisComputerUntilPublished() throws IOException {
        Path data = Files.writeString(temp.resolve("runs.csv"), "t,u\n0,1\n");
        onUi(() -> {
            model.startAdding(List.of(data));
            model.form().publishNowProperty().set(false);
            model.confirmAdding();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> read(() -> model.rows().size() == 1));
        assertThat(read(() -> model.rows().get(0).listing())).isEqualTo(HeldRow.Listing.PRIVATE);

        onUi(() -> model.publish(model.rows().get(0)));
        await().atMost(Duration.ofSeconds(10)).until(() -> read(() -> model.rows().get(0).listing() == HeldRow.Listing.PUBLISHED));

        onUi(() -> model.unpublish(model.rows().get(0)));
        await().atMost(Duration.ofSeconds(10)).until(() -> read(() -> model.rows().get(0).listing() == HeldRow.Listing.PRIVATE));
        assertThat(registry.search(ResourceQuery.all(0)).hits()).isEmpty();
    }

    @Test
    void aFileThatVanishedBeforeAddingIsReportedAndNothingIsAdded() {
        onUi(() -> {
            model.startAdding(List.of(temp.resolve("gone.pdf")));
            model.confirmAdding();
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> read(() -> notices.latestProperty().get() != null));
        Notice notice = read(() -> notices.latestProperty().get());
        assertThat(notice.severity()).isEqualTo(Notice.Severity.ERROR);
        assertThat(notice.title()).isEqualTo("The files could not be added");
        assertThat(read(() -> model.rows())).isEmpty();
        assertThat(read(() -> model.addingProperty().get())).as("the form stays open to fix it").isTrue();
    }

    @Test
    void bibtexExportCarriesTheMetadata() throws IOException {
        Path paper = Files.writeString(temp.resolve("clu.txt"), "CLU");
        onUi(() -> {
            model.startAdding(List.of(paper));
            model.form().titleProperty().set("CLU reference manual");
            model.form().authorsProperty().set("Barbara Liskov");
            model.form().yearProperty().set("1979");
            model.form().publishNowProperty().set(false);
            model.confirmAdding();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> read(() -> model.rows().size() == 1));

        String bibtex = read(() -> model.bibtex(model.rows().get(0)));

        assertThat(bibtex).contains("CLU reference manual", "Liskov", "1979");
    }

    @Test
    void openingHandsTheHeldCopyToTheSystemViewer() throws IOException {
        Path paper = Files.writeString(temp.resolve("slides.txt"), "slides");
        onUi(() -> {
            model.startAdding(List.of(paper));
            model.form().publishNowProperty().set(false);
            model.confirmAdding();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> read(() -> model.rows().size() == 1));
        List<Path> opened = new ArrayList<>();

        onUi(() -> model.open(model.rows().get(0), opened::add));

        await().atMost(Duration.ofSeconds(10)).until(() -> read(() -> opened.size() == 1));
        assertThat(opened.get(0)).startsWith(temp.resolve("repository")).hasContent("slides");
    }

    @Test
    void editingThePublishedMetadataReplacesTheEntryAndKeepsTheFiles() throws IOException {
        Path paper = Files.writeString(temp.resolve("engine_notes.txt"), "Notes on the analytical engine");
        onUi(() -> {
            model.startAdding(List.of(paper));
            model.confirm();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> read(() -> model.rows().size() == 1
                && model.rows().get(0).listing() == HeldRow.Listing.PUBLISHED));
        HeldRow before = read(() -> model.rows().get(0));

        onUi(() -> {
            model.startEditing(model.rows().get(0));
            model.form().titleProperty().set("Sketch of the Analytical Engine");
            model.form().authorsProperty().set("Luigi Menabrea\nAda Lovelace");
            model.form().yearProperty().set("1843");
            model.form().doiProperty().set("10.5555/1234567");
            model.form().abstractProperty().set("With notes by the translator.");
            model.form().tagsProperty().set("computing, history");
            model.form().licenceProperty().set("public domain");
            model.form().versionProperty().set("1");
            model.confirm();
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> read(() -> model.rows().size() == 1
                && model.rows().get(0).title().equals("Sketch of the Analytical Engine")
                && model.rows().get(0).listing() == HeldRow.Listing.PUBLISHED));
        HeldRow after = read(() -> model.rows().get(0));
        assertThat(after.resource().id()).isNotEqualTo(before.resource().id());
        assertThat(after.resource().manifest().files()).isEqualTo(before.resource().manifest().files());
        assertThat(after.resource().metadata().authors()).containsExactly("Luigi Menabrea", "Ada Lovelace");
        assertThat(after.resource().metadata().licence()).isEqualTo("public domain");
        assertThat(resources.repository().holds(before.resource().id())).isFalse();
        assertThat(resources.repository().fileOf(after.resource().id(), 0).orElseThrow())
                .hasContent("Notes on the analytical engine");
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.search(ResourceQuery.all(0)).hits().size() == 1
                && registry.search(ResourceQuery.all(0)).hits().get(0).published().resource().id()
                .equals(after.resource().id()));
        assertThat(read(() -> model.addingProperty().get())).isFalse();
    }

    @Test
    void anEditWithABadDoiOrYearIsExplainedAndChangesNothing() throws IOException {
        Path paper = Files.writeString(temp.resolve("clu.txt"), "CLU");
        onUi(() -> {
            model.startAdding(List.of(paper));
            model.form().publishNowProperty().set(false);
            model.confirm();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> read(() -> model.rows().size() == 1));
        HeldRow before = read(() -> model.rows().get(0));

        onUi(() -> {
            model.startEditing(before);
            model.form().doiProperty().set("not a doi");
            model.confirm();
        });
        assertThat(read(() -> model.form().errorProperty().get())).contains("is not a DOI");
        onUi(() -> {
            model.form().doiProperty().set("");
            model.form().yearProperty().set("12345");
            model.confirm();
        });
        assertThat(read(() -> model.form().errorProperty().get())).isEqualTo("The year must be a number, like 2021.");

        assertThat(read(() -> model.addingProperty().get())).as("the form stays open to fix it").isTrue();
        assertThat(resources.repository().list()).extracting(r -> r.id()).containsExactly(before.resource().id());
    }

    @Test
    void aNewVersionLinksToThePreviousOneAndBothAreShownAsVersions() throws IOException {
        Path v1 = Files.writeString(temp.resolve("model_v1.csv"), "t,u\n0,1\n");
        Path v2 = Files.writeString(temp.resolve("model_v2.csv"), "t,u\n0,1\n1,2\n");
        onUi(() -> {
            model.startAdding(List.of(v1));
            model.form().titleProperty().set("Heat equation runs");
            model.form().versionProperty().set("1");
            model.confirm();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> read(() -> model.rows().size() == 1
                && model.rows().get(0).listing() == HeldRow.Listing.PUBLISHED));
        HeldRow first = read(() -> model.rows().get(0));

        onUi(() -> {
            model.startNewVersion(first);
            model.confirm(); // no label, no files yet
        });
        assertThat(read(() -> model.form().errorProperty().get())).startsWith("Give the new version a label");
        onUi(() -> {
            model.form().versionProperty().set("1");
            model.confirm();
        });
        assertThat(read(() -> model.form().errorProperty().get())).contains("is the one you have");
        onUi(() -> {
            model.form().versionProperty().set("2");
            model.startAdding(List.of(v2)); // the file chooser or a drop while the form is open
            model.confirm();
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> read(() -> model.rows().size() == 2));
        HeldRow second = read(() -> model.rows().stream().filter(r -> "2".equals(r.versionText())).findFirst().orElseThrow());
        assertThat(second.resource().metadata().previousVersion()).isEqualTo(first.resource().id());
        assertThat(second.title()).isEqualTo("Heat equation runs");

        onUi(() -> model.selectedProperty().set(second));
        await().atMost(Duration.ofSeconds(10)).until(() -> read(() -> model.versions().size() == 2));
        assertThat(read(() -> model.versions())).extracting(VersionRow::version, VersionRow::current)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1", false), org.assertj.core.groups.Tuple.tuple("2", true));
        await().atMost(Duration.ofSeconds(10)).until(() -> read(() -> model.rows().stream()
                .allMatch(r -> r.listing() == HeldRow.Listing.PUBLISHED)));
        onUi(() -> model.selectedProperty().set(model.rows().stream()
                .filter(r -> "2".equals(r.versionText())).findFirst().orElseThrow()));
        assertThat(read(() -> model.holdersTextProperty().get())).startsWith("Held by 1 device");
    }

    @Test
    void aBibFileFillsTheForm() throws IOException {
        Path bib = Files.writeString(temp.resolve("refs.bib"), "@article{maymounkov2002,\n  title = {Kademlia: A "
                + "Peer-to-Peer Information System Based on the XOR Metric},\n  author = {Maymounkov, Petar and Mazi\\`eres, David},\n"
                + "  year = {2002},\n  doi = {10.1007/3-540-45748-8_5},\n  license = {CC-BY-4.0}\n}\n");
        onUi(() -> model.startAdding(List.of(bib)));

        onUi(() -> model.importBibtexFile(bib));

        await().atMost(Duration.ofSeconds(10)).until(() -> read(() -> model.form().titleProperty().get().startsWith("Kademlia")));
        assertThat(read(() -> model.form().yearProperty().get())).isEqualTo("2002");
        assertThat(read(() -> model.form().doiProperty().get())).isEqualTo("10.1007/3-540-45748-8_5");
        assertThat(read(() -> model.form().licenceProperty().get())).isEqualTo("CC-BY-4.0");
    }

    private void onUi(Runnable action) {
        read(() -> {
            action.run();
            return null;
        });
    }

    private <T> T read(java.util.concurrent.Callable<T> action) {
        try {
            return uiThread.submit(action).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
