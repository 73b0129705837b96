package org.peershelf.app.desktop.notify;

import java.util.Objects;

/** One message for the person at the screen: a short headline and a sentence that says what to do. */
public record Notice(Severity severity, String title, String text) {
    public enum Severity {
        INFO,
        WARNING,
        ERROR
    }

    public Notice {
        Objects.requireNonNull(severity, "severity");
        title = Objects.requireNonNullElse(title, "");
        text = Objects.requireNonNullElse(text, "");
    }
}
