package org.peershelf.app.desktop.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** A whole-window message: "Joining the network…" while starting, or what went wrong with Retry / Quit. */
final class MessageView extends VBox {
    private MessageView(String id) {
        setId(id);
        setSpacing(14);
        setAlignment(Pos.CENTER);
        getStyleClass().add("empty-state");
    }

    static MessageView busy(String id, String text) {
        MessageView view = new MessageView(id);
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        view.getChildren().addAll(new ProgressIndicator(), label);
        return view;
    }

    static MessageView failed(String title, String text, Runnable retry, Runnable quit) {
        MessageView view = new MessageView("startFailed");
        Label heading = new Label(title);
        heading.getStyleClass().add("page-title");
        Label detail = new Label(text);
        detail.setWrapText(true);
        detail.setMaxWidth(560);
        Button again = new Button("Try again");
        again.setDefaultButton(true);
        again.setOnAction(e -> retry.run());
        Button leave = new Button("Quit");
        leave.setOnAction(e -> quit.run());
        HBox buttons = new HBox(10, again, leave);
        buttons.setAlignment(Pos.CENTER);
        view.getChildren().addAll(heading, detail, buttons);
        return view;
    }
}
