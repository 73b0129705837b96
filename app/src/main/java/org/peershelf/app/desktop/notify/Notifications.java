package org.peershelf.app.desktop.notify;

/**
 * The one way view models tell the person something went wrong (or right). The app shows notices in a
 * bar over the window; view-model tests read them back. Call on the UI thread.
 */
public interface Notifications {
    void show(Notice notice);

    default void info(String title, String text) {
        show(new Notice(Notice.Severity.INFO, title, text));
    }

    /** {@code whatFailed} is what the person was doing, e.g. "Could not save your profile". */
    default void error(String whatFailed, Throwable cause) {
        show(new Notice(Notice.Severity.ERROR, whatFailed, ErrorMessages.describe(cause)));
    }
}
