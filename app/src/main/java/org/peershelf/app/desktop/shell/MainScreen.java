package org.peershelf.app.desktop.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.peershelf.app.desktop.explore.ExploreView;
import org.peershelf.app.desktop.explore.ExploreViewModel;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.peershelf.app.desktop.network.NetworkView;
import org.peershelf.app.desktop.repository.DesktopResources;
import org.peershelf.app.desktop.repository.RepositoryView;
import org.peershelf.app.desktop.repository.RepositoryViewModel;
import org.peershelf.protocol.node.NodeEvent;
import org.peershelf.protocol.resource.publish.OutboxEvent;
import org.peershelf.app.desktop.notify.NotificationCenter;
import org.peershelf.app.desktop.peers.PeersView;
import org.peershelf.app.desktop.peers.PeersViewModel;
import org.peershelf.app.desktop.placeholder.ComingSoonView;
import org.peershelf.app.desktop.settings.Theme;
import org.peershelf.app.desktop.settings.UiSettings;
import org.peershelf.app.desktop.settings.WindowState;
import org.peershelf.app.desktop.status.StatusBarView;
import org.peershelf.app.desktop.status.StatusBarViewModel;
import org.peershelf.app.desktop.task.BackgroundTasks;
import org.peershelf.protocol.node.Threads;
import org.peershelf.protocol.registry.ResourceRegistry;

/**
 * The main window for a running device: makes the tab view models over the network, their views, and the
 * one-second ticker that refreshes round-trip times; takes it all down on leaving.
 */
final class MainScreen {
    private final MainViewModel main;
    private final PeersViewModel peers;
    private final ExploreViewModel explore;
    private final RepositoryViewModel repository;
    private final RepositoryView repositoryView;
    private final Runnable stopOutbox;
    private final Runnable stopWake;
    private final StatusBarViewModel status;
    private final MainWindow window;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(Threads.daemon("peershelf-ui-ticker"));

    MainScreen(Stage stage, NetworkView network, DesktopResources held, ResourceRegistry resources, UiSettings settings,
               Theme theme, WindowState window, BackgroundTasks tasks, NotificationCenter notices, Consumer<Path> opener,
               Runnable goOffline, Runnable afterLeaving) {
        this.peers = new PeersViewModel(network, tasks);
        this.status = new StatusBarViewModel(network);
        this.explore = new ExploreViewModel(resources, network, tasks, network::freshSinceMillis);
        this.repository = new RepositoryViewModel(held, resources, tasks, notices, network::freshSinceMillis);
        this.repositoryView = new RepositoryView(repository, notices, opener);
        this.stopOutbox = held.subscribe(status::onOutbox);
        // what an earlier run left queued was announced before this window subscribed
        status.onOutbox(new OutboxEvent.OutboxChanged(held.publisher().pending(), true, null));
        // the outbox backs off while the registry is down; presence noticing it is back is the cue to retry now
        this.stopWake = network.subscribe(event -> {
            if (event instanceof NodeEvent.RegistryStateChanged state && state.reachable()) {
                held.publisher().wake();
            }
        });
        this.main = new MainViewModel(settings, theme, window.lastTab(), tasks, notices, goOffline, () -> {
            ticker.shutdownNow();
            peers.stop();
            explore.stop();
            repository.stop();
            stopOutbox.run();
            stopWake.run();
            status.stop();
            afterLeaving.run();
        });
        this.window = new MainWindow(main, tabs(), new StatusBarView(status), notices, () -> leave(stage));
        peers.start();
        explore.start();
        repository.start();
        status.start();
        ticker.scheduleWithFixedDelay(() -> tasks.ui().execute(peers::refreshLinks), 1, 1, TimeUnit.SECONDS);
    }

    private Map<MainTab, Node> tabs() {
        Map<MainTab, Node> tabs = new EnumMap<>(MainTab.class);
        tabs.put(MainTab.REPOSITORY, repositoryView);
        tabs.put(MainTab.EXPLORE, new ExploreView(explore));
        tabs.put(MainTab.DOWNLOADS, new ComingSoonView("downloadsEmpty", ComingSoonView.DOWNLOAD, "Downloads",
                "Follow each download with its progress, rate and the peers it comes from; "
                        + "pause, resume, and open it when finished.", "the resource service"));
        tabs.put(MainTab.CHATS, new ComingSoonView("chatsEmpty", ComingSoonView.CHAT, "Chats",
                "Talk with colleagues directly or in rooms, with delivery marks and room members online.",
                "the chat service"));
        tabs.put(MainTab.PEERS, new PeersView(peers));
        return tabs;
    }

    MainWindow view() {
        return window;
    }

    MainViewModel model() {
        return main;
    }

    /** Starts the clean exit from wherever the person asked for it (window close, Ctrl+Q). */
    void leave(Stage stage) {
        status.markLeaving();
        main.leave(WindowPlacement.capture(stage));
    }
}
