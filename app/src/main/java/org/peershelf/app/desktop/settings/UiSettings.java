package org.peershelf.app.desktop.settings;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;
import org.peershelf.app.config.SettingsFile;

/**
 * The desktop app's own entries in the profile's {@code settings.properties}: theme, window geometry,
 * last tab and the repository folder. Reads and writes the disk: call off the UI thread.
 */
public final class UiSettings {
    public static final String THEME = "ui.theme";
    public static final String REPOSITORY_DIR = SettingsFile.REPOSITORY_DIR;
    static final String X = "ui.window.x";
    static final String Y = "ui.window.y";
    static final String WIDTH = "ui.window.width";
    static final String HEIGHT = "ui.window.height";
    static final String MAXIMIZED = "ui.window.maximized";
    static final String LAST_TAB = "ui.tab";

    private final SettingsFile file;

    public UiSettings(SettingsFile file) {
        this.file = file;
    }

    public Theme theme() {
        return Theme.parse(file.get(THEME).orElse(""));
    }

    public void saveTheme(Theme theme) {
        file.put(THEME, theme.settingValue());
    }

    public Optional<Path> repositoryFolder() {
        return file.repositoryDir();
    }

    public void saveRepositoryFolder(Path folder) {
        file.put(REPOSITORY_DIR, folder.toAbsolutePath().toString());
    }

    public WindowState window() {
        Properties p = file.load();
        return new WindowState(number(p, X), number(p, Y), number(p, WIDTH).orElse(WindowState.DEFAULT_WIDTH),
                number(p, HEIGHT).orElse(WindowState.DEFAULT_HEIGHT), Boolean.parseBoolean(p.getProperty(MAXIMIZED)),
                p.getProperty(LAST_TAB, ""));
    }

    public void saveWindow(WindowState state) {
        Map<String, String> values = new LinkedHashMap<>();
        state.x().ifPresent(v -> values.put(X, Double.toString(v)));
        state.y().ifPresent(v -> values.put(Y, Double.toString(v)));
        values.put(WIDTH, Double.toString(state.width()));
        values.put(HEIGHT, Double.toString(state.height()));
        values.put(MAXIMIZED, Boolean.toString(state.maximized()));
        values.put(LAST_TAB, state.lastTab());
        file.putAll(values);
    }

    private static OptionalDouble number(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            return OptionalDouble.empty();
        }
        try {
            double d = Double.parseDouble(value.strip());
            return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
