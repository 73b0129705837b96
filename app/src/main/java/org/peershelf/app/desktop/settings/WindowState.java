package org.peershelf.app.desktop.settings;

import java.util.OptionalDouble;

/**
 * Where the main window was when the person last closed it, and which tab was open. A missing position
 * means "let the window system centre it".
 */
public record WindowState(OptionalDouble x, OptionalDouble y, double width, double height, boolean maximized,
                          String lastTab) {
    public static final double DEFAULT_WIDTH = 1100;
    public static final double DEFAULT_HEIGHT = 720;
    static final double MIN_SIZE = 400;

    public WindowState {
        width = Double.isFinite(width) && width >= MIN_SIZE ? width : DEFAULT_WIDTH;
        height = Double.isFinite(height) && height >= MIN_SIZE ? height : DEFAULT_HEIGHT;
        lastTab = lastTab == null ? "" : lastTab;
    }

    public static WindowState defaults() {
        return new WindowState(OptionalDouble.empty(), OptionalDouble.empty(), DEFAULT_WIDTH, DEFAULT_HEIGHT, false, "");
    }
}
