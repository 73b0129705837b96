package org.peershelf.app.desktop.notify;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the notices the window shows: the newest on top, at most a few, each dismissable. Errors are
 * also logged (once, here) so a person's report can be matched with the log.
 */
public final class NotificationCenter implements Notifications {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationCenter.class);
    static final int MAX_SHOWN = 3;

    private final ObservableList<Notice> notices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Notice> latest = new ReadOnlyObjectWrapper<>();

    @Override
    public void show(Notice notice) {
        if (notice.severity() == Notice.Severity.ERROR) {
            LOG.warn("Shown to the user: {}: {}", notice.title(), notice.text());
        }
        notices.remove(notice);
        notices.add(0, notice);
        if (notices.size() > MAX_SHOWN) {
            notices.remove(MAX_SHOWN, notices.size());
        }
        latest.set(notice);
    }

    public void dismiss(Notice notice) {
        notices.remove(notice);
        latest.set(notices.isEmpty() ? null : notices.get(0));
    }

    public ObservableList<Notice> notices() {
        return FXCollections.unmodifiableObservableList(notices);
    }

    public ReadOnlyObjectProperty<Notice> latestProperty() {
        return latest.getReadOnlyProperty();
    }
}
