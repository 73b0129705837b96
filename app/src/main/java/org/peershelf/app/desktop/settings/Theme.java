package org.peershelf.app.desktop.settings;

import java.util.Locale;

/** The window's colours; the setting {@code ui.theme} holds the name in lower case. */
public enum Theme {
    LIGHT,
    DARK;

    public static Theme parse(String value) {
        return "dark".equals(value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) ? DARK : LIGHT;
    }

    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The style sheet on the class path, applied on top of the shared base sheet. */
    public String styleSheet() {
        return "/org/peershelf/app/desktop/theme/" + settingValue() + ".css";
    }
}
