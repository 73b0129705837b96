package org.peershelf.app.desktop.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.app.desktop.network.FakeNetwork;
import org.peershelf.app.desktop.task.BackgroundTasks;
import org.peershelf.protocol.node.NodeEvent;
import org.peershelf.protocol.registry.OnlineDevice;
import org.peershelf.protocol.registry.Registry;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.registry.MongoRegistry;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;

/** Explore against the real registry code on the embedded server over TCP; owners' names from a fake directory. */
@Tag("integration")
class ExploreViewModelTest {
    private static final Executor DIRECT = Runnable::run;

    private final FakeNetwork network = new FakeNetwork();
    private EmbeddedRegistryServer server;
    private Registry registry;
    private OnlineDevice grace;
    private OnlineDevice alan;

    @BeforeEach
    void publish() {
        server = EmbeddedRegistryServer.startInMemory();
        registry = MongoRegistry.open(server.connectionString());
        long now = System.currentTimeMillis();
        grace = network.newDevice("Grace Hopper", "Yale");
        alan = network.newDevice("Alan Turing", "Manchester");
        // Grace is online, Alan is not
        registry.announce(new OnlineDevice(grace.deviceId(), grace.userId(), "127.0.0.1", 1, 1, now, Set.of()));
        publish(ResourceMetadata.builder("Compiling COBOL for fun", ResourceType.PAPER).authors(List.of("Grace Hopper"))
                .year(1959).tags(List.of("compilers")).build(), grace, now - 3000);
        publish(ResourceMetadata.builder("Compiler test suite", ResourceType.CODE).authors(List.of("Grace Hopper"))
                .year(1962).build(), grace, now - 2000);
        publish(ResourceMetadata.builder("On computable numbers", ResourceType.PAPER).authors(List.of("Alan Turing"))
                .year(1936).tags(List.of("logic")).build(), alan, now - 1000);
    }

    private void publish(ResourceMetadata metadata, OnlineDevice holder, long at) {
        var published = SampleResources.published(metadata, holder.userId(), holder.deviceId(), at);
        registry.publishResource(published);
        registry.addHolder(published.resource().id(), holder.deviceId(), at);
    }

    @AfterEach
    void close() {
        registry.close();
        server.close();
    }

    private ExploreViewModel model(Executor work) {
        return new ExploreViewModel(registry, network, new BackgroundTasks(work, DIRECT),
                () -> System.currentTimeMillis() - 60_000);
    }

    @Test
    void listsEverythingNewestFirstWithOwnersAndAvailability() {
        ExploreViewModel model = model(DIRECT);
        model.start();

        assertThat(model.results()).extracting(ResultRow::title)
                .containsExactly("On computable numbers", "Compiler test suite", "Compiling COBOL for fun");
        assertThat(model.results()).extracting(ResultRow::ownerText)
                .containsExactly("Alan Turing", "Grace Hopper", "Grace Hopper");
        assertThat(model.results()).extracting(ResultRow::available).containsExactly(false, true, true);
        assertThat(model.results().get(0).availabilityText()).isEqualTo("no holder online");
        assertThat(model.statusProperty().get()).isEqualTo("3 results · 2 available now");
    }

    @Test
    void typingNarrowsTheResultsAtOnce() {
        ExploreViewModel model = model(DIRECT);
        model.start();

        model.textProperty().set("compil");
        assertThat(model.results()).extracting(ResultRow::title)
                .containsExactly("Compiler test suite", "Compiling COBOL for fun");

        model.textProperty().set("compil cobol");
        assertThat(model.results()).extracting(ResultRow::title).containsExactly("Compiling COBOL for fun");
    }

    @Test
    void filtersByTypeYearsTagAndAuthor() {
        ExploreViewModel model = model(DIRECT);
        model.start();

        model.typeProperty().set(ResourceType.PAPER);
        assertThat(model.results()).hasSize(2);
        model.yearFromProperty().set("1950");
        assertThat(model.results()).extracting(ResultRow::title).containsExactly("Compiling COBOL for fun");

        model.typeProperty().set(null);
        model.yearFromProperty().set("");
        model.tagProperty().set("LOGIC");
        assertThat(model.results()).extracting(ResultRow::title).containsExactly("On computable numbers");

        model.tagProperty().set("");
        model.authorProperty().set("hopper");
        assertThat(model.results()).hasSize(2);
    }

    @Test
    void aYearThatIsNotANumberIsExplainedAndTheResultsStay() {
        ExploreViewModel model = model(DIRECT);
        model.start();

        model.yearToProperty().set("last year");

        assertThat(model.statusProperty().get()).isEqualTo("The year to must be a number, like 2021.");
        assertThat(model.results()).hasSize(3);
    }

    @Test
    void browsingOneUsersRepositoryShowsOnlyTheirs() {
        ExploreViewModel model = model(DIRECT);
        model.start();

        model.browse(grace.userId(), "Grace Hopper");

        assertThat(model.results()).extracting(ResultRow::ownerText).containsOnly("Grace Hopper").hasSize(2);
        assertThat(model.ownerNameProperty().get()).isEqualTo("Grace Hopper");
        model.browse(null, "");
        assertThat(model.results()).hasSize(3);
    }

    @Test
    void aHolderComingOnlineUngreysTheResultAndKeepsTheSelection() {
        ExploreViewModel model = model(DIRECT);
        model.start();
        model.selectedProperty().set(model.results().get(0));
        assertThat(model.selectedProperty().get().available()).isFalse();

        registry.announce(new OnlineDevice(alan.deviceId(), alan.userId(), "127.0.0.1", 2, 1, System.currentTimeMillis(),
                Set.of()));
        network.emit(new NodeEvent.OnlineViewChanged(List.of(alan)));

        assertThat(model.selectedProperty().get().title()).isEqualTo("On computable numbers");
        assertThat(model.selectedProperty().get().available()).isTrue();
        assertThat(model.selectedProperty().get().holdersText()).isEqualTo("1 of 1 holder online.");
    }

    @Test
    void anOlderSearchAnsweringLastDoesNotOverwriteTheNewerOne() {
        List<Runnable> queued = new ArrayList<>();
        ExploreViewModel model = model(queued::add);
        model.textProperty().set("turing");
        model.textProperty().set("cobol");

        queued.get(1).run();
        queued.get(0).run();

        assertThat(model.results()).extracting(ResultRow::title).containsExactly("Compiling COBOL for fun");
    }

    @Test
    void nothingMatchingSaysSo() {
        ExploreViewModel model = model(DIRECT);
        model.start();

        model.textProperty().set("quantum");

        assertThat(model.results()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("Nothing matches. Try fewer words or filters.");
    }
}
