package org.peershelf.app.desktop.shell;

import java.util.Objects;
import javafx.scene.Scene;
import org.peershelf.app.desktop.settings.Theme;

/** Puts the shared base sheet and the chosen theme's colours on a scene. */
final class Themes {
    private static final String BASE = "/org/peershelf/app/desktop/theme/base.css";

    private Themes() {
    }

    static void apply(Scene scene, Theme theme) {
        scene.getStylesheets().setAll(url(theme.styleSheet()), url(BASE));
    }

    private static String url(String resource) {
        return Objects.requireNonNull(Themes.class.getResource(resource), resource).toExternalForm();
    }
}
