package org.peershelf.app.desktop.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.peershelf.app.desktop.network.NetworkView;
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

/**
 * The main window for a running device: makes the tab view models over the network, their views, and the
 * one-second ticker that refreshes round-trip times; takes it all down on leaving.
 */
final class MainScreen {
    private final MainViewModel main;
    private final PeersViewModel peers;
    private final StatusBarViewModel status;
    private final MainWindow window;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(Threads.daemon("peershelf-ui-ticker"));

    MainScreen(Stage stage, NetworkView network, UiSettings settings, Theme theme, WindowState window, BackgroundTasks tasks,
               NotificationCenter notices, Runnable goOffline, Runnable afterLeaving) {
        this.peers = new PeersViewModel(network, tasks);
        this.status = new StatusBarViewModel(network);
        this.main = new MainViewModel(settings, theme, window.lastTab(), tasks, notices, goOffline, () -> {
            ticker.shutdownNow();
            peers.stop();
            status.stop();
            afterLeaving.run();
        });
        this.window = new MainWindow(main, tabs(), new StatusBarView(status), notices, () -> leave(stage));
        peers.start();
        status.start();
        ticker.scheduleWithFixedDelay(() -> tasks.ui().execute(peers::refreshLinks), 1, 1, TimeUnit.SECONDS);
    }

    private Map<MainTab, Node> tabs() {
        Map<MainTab, Node> tabs = new EnumMap<>(MainTab.class);
        tabs.put(MainTab.REPOSITORY, new ComingSoonView("repositoryEmpty", ComingSoonView.SHELF, "My Repository",
                "Add papers, datasets, code and slides by drag and drop, edit their metadata (or paste BibTeX), "
                        + "and publish them to your colleagues.", "the resource service"));
        tabs.put(MainTab.EXPLORE, new ComingSoonView("exploreEmpty", ComingSoonView.SEARCH, "Explore repositories",
                "Search everything your colleagues publish, filter by type, year, author and tag, "
                        + "and browse each person's repository.", "the resource service"));
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
