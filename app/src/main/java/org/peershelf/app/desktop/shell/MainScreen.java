package org.peershelf.app.desktop.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.peershelf.app.desktop.chats.ChatsView;
import org.peershelf.app.desktop.chats.ChatsViewModel;
import org.peershelf.app.desktop.downloads.DownloadService;
import org.peershelf.app.desktop.downloads.DownloadsView;
import org.peershelf.app.desktop.downloads.DownloadsViewModel;
import org.peershelf.app.desktop.explore.ExploreView;
import org.peershelf.app.desktop.explore.ExploreViewModel;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.peershelf.app.desktop.network.NetworkView;
import org.peershelf.app.desktop.repository.DesktopResources;
import org.peershelf.app.desktop.repository.RepositoryView;
import org.peershelf.app.desktop.repository.RepositoryViewModel;
import org.peershelf.protocol.resource.publish.OutboxEvent;
import org.peershelf.app.desktop.notify.NotificationCenter;
import org.peershelf.app.desktop.peers.PeersView;
import org.peershelf.app.desktop.peers.PeersViewModel;
import org.peershelf.app.desktop.settings.Theme;
import org.peershelf.app.desktop.settings.UiSettings;
import org.peershelf.app.desktop.settings.WindowState;
import org.peershelf.app.desktop.status.StatusBarView;
import org.peershelf.app.desktop.status.StatusBarViewModel;
import org.peershelf.app.desktop.task.BackgroundTasks;
import org.peershelf.protocol.chat.ChatService;
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
    private final DownloadsViewModel downloads;
    private final ChatsViewModel chats;
    private final DownloadsView downloadsView;
    private final ExploreView exploreView;
    private final Runnable stopOutbox;
    private final StatusBarViewModel status;
    private final MainWindow window;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(Threads.daemon("peershelf-ui-ticker"));

    MainScreen(Stage stage, NetworkView network, DesktopResources held, ChatService chatService,
               ResourceRegistry resources, UiSettings settings,
               Theme theme, WindowState window, BackgroundTasks tasks, NotificationCenter notices, Consumer<Path> opener,
               Runnable goOffline, Runnable afterLeaving) {
        this.peers = new PeersViewModel(network, tasks);
        this.status = new StatusBarViewModel(network);
        this.explore = new ExploreViewModel(resources, network, tasks, network::freshSinceMillis);
        this.repository = new RepositoryViewModel(held, resources, tasks, notices, network::freshSinceMillis);
        this.repositoryView = new RepositoryView(repository, notices, opener);
        this.chats = new ChatsViewModel(chatService, network, tasks, notices, java.time.ZoneId.systemDefault());
        this.downloads = new DownloadsViewModel(DownloadService.of(held), tasks, notices);
        this.downloadsView = new DownloadsView(downloads, opener);
        this.exploreView = new ExploreView(explore, row -> downloads.download(row.resource().id(), row.title()));
        downloads.runningProperty().addListener((obs, old, now) -> status.setTransfersRunning(now.intValue()));
        this.stopOutbox = held.subscribe(status::onOutbox);
        // what an earlier run left queued was announced before this window subscribed
        status.onOutbox(new OutboxEvent.OutboxChanged(held.publisher().pending(), true, null));
        this.main = new MainViewModel(settings, theme, window.lastTab(), tasks, notices, goOffline, () -> {
            ticker.shutdownNow();
            peers.stop();
            explore.stop();
            repository.stop();
            downloads.stop();
            chats.stop();
            stopOutbox.run();
            status.stop();
            afterLeaving.run();
        });
        this.window = new MainWindow(main, tabs(), new StatusBarView(status), notices, () -> leave(stage));
        // a tab shows fresh data when it is opened: the catalogue changes without telling us
        main.selectedTabProperty().addListener((obs, old, now) -> {
            if (now == MainTab.EXPLORE) {
                explore.search();
            } else if (now == MainTab.REPOSITORY) {
                repository.refresh();
            }
        });
        peers.start();
        explore.start();
        repository.start();
        downloads.start();
        chats.start();
        status.start();
        ticker.scheduleWithFixedDelay(() -> tasks.ui().execute(peers::refreshLinks), 1, 1, TimeUnit.SECONDS);
    }

    private Map<MainTab, Node> tabs() {
        Map<MainTab, Node> tabs = new EnumMap<>(MainTab.class);
        tabs.put(MainTab.REPOSITORY, repositoryView);
        tabs.put(MainTab.EXPLORE, exploreView);
        tabs.put(MainTab.DOWNLOADS, downloadsView);
        tabs.put(MainTab.CHATS, new ChatsView(chats));
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
