package org.peershelf.app.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.app.config.SettingsFile;

class UiSettingsTest {
    @TempDir
    Path profile;

    @Test
    void aFreshProfileHasDefaults() {
        UiSettings settings = new UiSettings(new SettingsFile(profile));

        assertThat(settings.theme()).isEqualTo(Theme.LIGHT);
        assertThat(settings.window()).isEqualTo(WindowState.defaults());
        assertThat(settings.repositoryFolder()).isEmpty();
    }

    @Test
    void windowStateSurvivesARestartAndKeepsOtherSettings() {
        SettingsFile file = new SettingsFile(profile);
        file.put(SettingsFile.REGISTRY_URI, "mongodb://lab:27017");
        WindowState state = new WindowState(OptionalDouble.of(12.5), OptionalDouble.of(-3), 1280, 800, true, "peers");

        new UiSettings(file).saveWindow(state);

        assertThat(new UiSettings(new SettingsFile(profile)).window()).isEqualTo(state);
        assertThat(new SettingsFile(profile).get(SettingsFile.REGISTRY_URI)).contains("mongodb://lab:27017");
    }

    @Test
    void nonsenseInTheFileFallsBackToDefaults() {
        SettingsFile file = new SettingsFile(profile);
        file.put("ui.window.width", "wide");
        file.put("ui.window.height", "12");
        file.put(UiSettings.THEME, "purple");

        UiSettings settings = new UiSettings(file);

        assertThat(settings.window().width()).isEqualTo(WindowState.DEFAULT_WIDTH);
        assertThat(settings.window().height()).isEqualTo(WindowState.DEFAULT_HEIGHT);
        assertThat(settings.theme()).isEqualTo(Theme.LIGHT);
    }
}
