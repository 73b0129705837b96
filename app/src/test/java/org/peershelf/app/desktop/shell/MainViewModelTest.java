package org.peershelf.app.desktop.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.app.config.SettingsFile;
import org.peershelf.app.desktop.notify.NotificationCenter;
import org.peershelf.app.desktop.settings.Theme;
import org.peershelf.app.desktop.settings.UiSettings;
import org.peershelf.app.desktop.settings.WindowState;
import org.peershelf.app.desktop.task.BackgroundTasks;

class MainViewModelTest {
    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path profile;

    private final List<String> steps = new ArrayList<>();

    private MainViewModel model(String lastTab) {
        return new MainViewModel(new UiSettings(new SettingsFile(profile)), Theme.LIGHT, lastTab,
                new BackgroundTasks(DIRECT, DIRECT), new NotificationCenter(), () -> steps.add("offline"),
                () -> steps.add("closed"));
    }

    @Test
    void opensOnTheRememberedTabOrTheFirstOne() {
        assertThat(model("peers").selectedTabProperty().get()).isEqualTo(MainTab.PEERS);
        assertThat(model("no-such-tab").selectedTabProperty().get()).isEqualTo(MainTab.REPOSITORY);
    }

    @Test
    void leavingRemembersTheWindowAndTabThenGoesOfflineThenCloses() {
        MainViewModel model = model("");
        model.selectedTabProperty().set(MainTab.CHATS);

        model.leave(new WindowState(OptionalDouble.of(40), OptionalDouble.of(30), 900, 600, false, ""));

        assertThat(steps).containsExactly("offline", "closed");
        assertThat(model.leavingProperty().get()).isTrue();
        WindowState saved = new UiSettings(new SettingsFile(profile)).window();
        assertThat(saved.x()).hasValue(40);
        assertThat(saved.width()).isEqualTo(900);
        assertThat(saved.lastTab()).isEqualTo("chats");
    }

    @Test
    void askingToLeaveTwiceGoesOfflineOnce() {
        MainViewModel model = model("");
        model.leave(WindowState.defaults());
        model.leave(WindowState.defaults());

        assertThat(steps).containsExactly("offline", "closed");
    }

    @Test
    void togglingTheThemeSwitchesAndRemembersIt() {
        MainViewModel model = model("");
        model.toggleTheme();

        assertThat(model.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(new UiSettings(new SettingsFile(profile)).theme()).isEqualTo(Theme.DARK);
        model.toggleTheme();
        assertThat(new UiSettings(new SettingsFile(profile)).theme()).isEqualTo(Theme.LIGHT);
    }
}
