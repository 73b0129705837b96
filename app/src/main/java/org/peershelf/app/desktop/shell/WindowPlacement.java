package org.peershelf.app.desktop.shell;

import java.util.OptionalDouble;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.peershelf.app.desktop.settings.WindowState;

/** Puts the window where it was last time, unless that place is on no screen now (a detached monitor). */
final class WindowPlacement {
    private WindowPlacement() {
    }

    static void apply(Stage stage, WindowState state) {
        stage.setWidth(state.width());
        stage.setHeight(state.height());
        if (state.x().isPresent() && state.y().isPresent()
                && onSomeScreen(state.x().getAsDouble(), state.y().getAsDouble(), state.width())) {
            stage.setX(state.x().getAsDouble());
            stage.setY(state.y().getAsDouble());
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(state.maximized());
    }

    static WindowState capture(Stage stage) {
        return new WindowState(OptionalDouble.of(stage.getX()), OptionalDouble.of(stage.getY()), stage.getWidth(),
                stage.getHeight(), stage.isMaximized(), "");
    }

    private static boolean onSomeScreen(double x, double y, double width) {
        // the title bar must be reachable: its middle must be on a screen
        return !Screen.getScreensForRectangle(new Rectangle2D(x + width / 2 - 50, y, 100, 30)).isEmpty();
    }
}
