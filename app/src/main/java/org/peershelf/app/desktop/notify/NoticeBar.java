package org.peershelf.app.desktop.notify;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Shows the newest notice over the window with a close button; hidden when there is none. Binds only. */
public final class NoticeBar extends HBox {
    public NoticeBar(NotificationCenter center) {
        getStyleClass().add("notice-bar");
        setId("noticeBar");
        setAlignment(Pos.CENTER_LEFT);
        Label title = new Label();
        title.getStyleClass().add("notice-title");
        Label text = new Label();
        text.setId("noticeText");
        text.setWrapText(true);
        VBox words = new VBox(2, title, text);
        HBox.setHgrow(words, Priority.ALWAYS);
        Button close = new Button("Dismiss");
        close.setOnAction(e -> {
            if (center.latestProperty().get() != null) {
                center.dismiss(center.latestProperty().get());
            }
        });
        getChildren().addAll(words, close);
        center.latestProperty().addListener((obs, old, notice) -> show(notice, title, text));
        show(center.latestProperty().get(), title, text);
    }

    private void show(Notice notice, Label title, Label text) {
        boolean visible = notice != null;
        setVisible(visible);
        setManaged(visible);
        getStyleClass().removeAll("info", "warning", "error");
        if (visible) {
            getStyleClass().add(notice.severity().name().toLowerCase(Locale.ROOT));
            title.setText(notice.title());
            text.setText(notice.text());
        }
    }
}
