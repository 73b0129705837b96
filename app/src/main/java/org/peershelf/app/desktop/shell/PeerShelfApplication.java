package org.peershelf.app.desktop.shell;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.peershelf.app.config.AppSettings;
import org.peershelf.app.config.SavedRegistry;
import org.peershelf.app.config.SettingsFile;
import org.peershelf.app.desktop.DesktopOptions;
import org.peershelf.app.desktop.network.RuntimeNetworkView;
import org.peershelf.app.desktop.notify.ErrorMessages;
import org.peershelf.app.desktop.notify.NotificationCenter;
import org.peershelf.app.desktop.onboarding.FirstRunStore;
import org.peershelf.app.desktop.onboarding.OnboardingView;
import org.peershelf.app.desktop.onboarding.OnboardingViewModel;
import org.peershelf.app.desktop.onboarding.RegistryChoice;
import org.peershelf.app.desktop.settings.Theme;
import org.peershelf.app.desktop.settings.UiSettings;
import org.peershelf.app.desktop.settings.WindowState;
import org.peershelf.app.desktop.task.BackgroundTasks;
import org.peershelf.app.wiring.ProfileSetup;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.node.Threads;
import org.peershelf.registry.probe.RegistryProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app: opens the profile (off the UI thread), shows onboarding on the first run, starts the
 * device through {@link Session} (the runtime and the resource service) and shows the main window; on close it takes the device offline.
 * {@code Platform::runLater} is handed to the runtime and the task helper here, the one place the UI
 * thread is touched.
 */
public final class PeerShelfApplication extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(PeerShelfApplication.class);

    private final DesktopOptions options;
    private final Executor ui = Platform::runLater;
    private final NotificationCenter notices = new NotificationCenter();
    private BackgroundTasks tasks;
    private Stage stage;
    private Scene scene;
    private UiSettings uiSettings;
    private volatile Session session;
    private boolean quitting;

    public PeerShelfApplication(DesktopOptions options) {
        this.options = options;
    }

    /** Opened profile and preferences, read in the background before the first real screen. */
    private record Startup(Optional<UserProfile> profile, Theme theme, WindowState window, Optional<String> savedRegistry) {
    }

    @Override
    public void start(Stage primaryStage) {
        Thread.currentThread().setUncaughtExceptionHandler((thread, e) ->
                notices.error("Something went wrong in the window", e));
        this.stage = primaryStage;
        this.tasks = new BackgroundTasks(Executors.newFixedThreadPool(2, Threads.daemon("peershelf-ui-task")), ui);
        this.uiSettings = new UiSettings(new SettingsFile(profileDir()));
        scene = new Scene(MessageView.busy("opening", "Opening your profile…"),
                WindowState.DEFAULT_WIDTH, WindowState.DEFAULT_HEIGHT);
        Themes.apply(scene, Theme.LIGHT);
        stage.setTitle("PeerShelf");
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            e.consume();
            quitBeforeMain();
        });
        stage.show();
        open();
    }

    private void open() {
        show(MessageView.busy("opening", "Opening your profile…"));
        tasks.run(() -> new Startup(new ProfileSetup(profileDir()).existingProfile(), uiSettings.theme(), uiSettings.window(),
                        new SavedRegistry(profileDir()).load()),
                this::opened, e -> showFailure("Your profile could not be opened", e, this::open));
    }

    private void opened(Startup startup) {
        Themes.apply(scene, startup.theme());
        WindowPlacement.apply(stage, startup.window());
        if (startup.profile().isPresent()) {
            join(startup.profile().get(), () -> settingsForReturningUser(startup), startup);
        } else {
            stage.setTitle("Welcome to PeerShelf");
            OnboardingViewModel model = new OnboardingViewModel(profileDir().resolve("repository"),
                    new RegistryProbe(options.probeTimeout())::probe, new FirstRunStore(profileDir()), tasks, notices,
                    profile -> join(profile, this::settingsAfterOnboarding, startup));
            options.settings().registryUri().ifPresent(uri -> {
                model.registryChoiceProperty().set(RegistryChoice.LAB);
                model.registryUriProperty().set(uri);
            });
            show(withNotices(new OnboardingView(model)));
        }
    }

    /** {@code settings} is read in the background: it may look at the settings file. */
    private void join(UserProfile profile, Supplier<AppSettings> settings, Startup startup) {
        stage.setTitle("PeerShelf — " + profile.displayName());
        show(MessageView.busy("joining", "Joining the network…"));
        tasks.run(() -> Session.start(settings.get(), profile, new ProfileSetup(profileDir()).device(), ui), started -> {
            if (quitting) {
                // the window was closed while joining: leave again at once, off the UI thread
                new Thread(started::close, "peershelf-late-leave").start();
                return;
            }
            session = started;
            MainScreen main = new MainScreen(stage, new RuntimeNetworkView(started.runtime(), profile), started.resources(),
                    started.runtime().peer().chats(),
                    started.runtime().registry().registry(), uiSettings, startup.theme(), startup.window(), tasks, notices,
                    path -> getHostServices().showDocument(path.toUri().toString()), this::goOffline, this::afterLeaving);
            main.model().themeProperty().addListener((obs, old, now) -> Themes.apply(scene, now));
            stage.setOnCloseRequest(e -> {
                e.consume();
                main.leave(stage);
            });
            show(main.view());
        }, e -> showFailure("PeerShelf could not join the network", e, () -> join(profile, settings, startup)));
    }

    /** A registry given on the command line wins over the one saved in the profile. */
    private AppSettings settingsForReturningUser(Startup startup) {
        AppSettings base = options.settings();
        return new AppSettings(base.profileDir(), base.registryUri().or(startup::savedRegistry), base.embeddedPort(),
                base.node(), savedRepositoryFolder(base));
    }

    /** The registry chosen in onboarding overrides the one from the command line. */
    private AppSettings settingsAfterOnboarding() {
        AppSettings base = options.settings();
        Optional<String> uri = new SavedRegistry(profileDir()).load();
        return new AppSettings(base.profileDir(), uri, base.embeddedPort(), base.node(), savedRepositoryFolder(base));
    }

    /** The repository folder chosen in onboarding; the default for profiles made before it could be chosen. */
    private Path savedRepositoryFolder(AppSettings base) {
        return new SettingsFile(base.profileDir()).repositoryDir().orElse(base.repositoryDir());
    }

    private void goOffline() {
        Session running = session;
        session = null;
        if (running != null) {
            running.close();
        }
    }

    private void afterLeaving() {
        tasks.close();
        options.afterLeaving().run();
    }

    private void quitBeforeMain() {
        if (quitting) {
            return;
        }
        quitting = true;
        tasks.run(this::goOffline, e -> LOG.warn("Leaving failed: {}", e.toString()))
                .whenComplete((ok, e) -> ui.execute(this::afterLeaving));
    }

    private void showFailure(String title, Throwable error, Runnable retry) {
        LOG.warn("{}: {}", title, error.toString(), error);
        show(MessageView.failed(title, ErrorMessages.describe(error), retry, this::quitBeforeMain));
    }

    private void show(Parent root) {
        scene.setRoot(root);
    }

    private Parent withNotices(Parent content) {
        javafx.scene.layout.BorderPane pane = new javafx.scene.layout.BorderPane(content);
        pane.setTop(new org.peershelf.app.desktop.notify.NoticeBar(notices));
        return pane;
    }

    private Path profileDir() {
        return options.settings().profileDir();
    }

    /** Called by the toolkit (or a test) at the very end: make sure the device is offline even if leave was skipped. */
    @Override
    public void stop() {
        goOffline();
        if (tasks != null) {
            tasks.close();
        }
    }
}
