package org.peershelf.app.desktop.shell;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.peershelf.app.desktop.notify.Notifications;
import org.peershelf.app.desktop.settings.Theme;
import org.peershelf.app.desktop.settings.UiSettings;
import org.peershelf.app.desktop.settings.WindowState;
import org.peershelf.app.desktop.task.BackgroundTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window as a whole: which tab is open, which theme is on, and the clean exit (remember the
 * window, take the device offline off the UI thread, then close). UI thread only.
 */
public final class MainViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);

    private final ObjectProperty<MainTab> selectedTab = new SimpleObjectProperty<>(MainTab.REPOSITORY);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ReadOnlyBooleanWrapper leaving = new ReadOnlyBooleanWrapper(false);
    private final UiSettings settings;
    private final BackgroundTasks tasks;
    private final Notifications notifications;
    private final Runnable goOffline;
    private final Runnable afterLeaving;

    /**
     * @param goOffline    takes the device off the network (blocking; runs in the background)
     * @param afterLeaving closes the window / the toolkit once offline (runs on the UI thread)
     */
    public MainViewModel(UiSettings settings, Theme initialTheme, String lastTab, BackgroundTasks tasks,
                         Notifications notifications, Runnable goOffline, Runnable afterLeaving) {
        this.settings = settings;
        this.tasks = tasks;
        this.notifications = notifications;
        this.goOffline = goOffline;
        this.afterLeaving = afterLeaving;
        theme.set(initialTheme);
        MainTab.byId(lastTab).ifPresent(selectedTab::set);
    }

    public void toggleTheme() {
        Theme next = theme.get() == Theme.DARK ? Theme.LIGHT : Theme.DARK;
        theme.set(next);
        tasks.run(() -> settings.saveTheme(next), e -> notifications.error("The theme could not be saved", e));
    }

    /**
     * Leaves the network; {@code state} is the window's current place (its tab is replaced by the open one).
     * A second call while leaving does nothing.
     */
    public void leave(WindowState state) {
        if (leaving.get()) {
            return;
        }
        leaving.set(true);
        WindowState withTab = new WindowState(state.x(), state.y(), state.width(), state.height(), state.maximized(),
                selectedTab.get().id());
        tasks.run(() -> {
            try {
                settings.saveWindow(withTab);
            } catch (RuntimeException e) {
                // not worth keeping the person waiting: the window just opens at its default place next time
                LOG.warn("Window position not saved: {}", e.getMessage());
            }
            goOffline.run();
            return null;
        }, ignored -> afterLeaving.run(), error -> {
            LOG.error("Leaving the network did not finish cleanly", error);
            afterLeaving.run();
        });
    }

    public ObjectProperty<MainTab> selectedTabProperty() {
        return selectedTab;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ReadOnlyBooleanProperty leavingProperty() {
        return leaving.getReadOnlyProperty();
    }
}
