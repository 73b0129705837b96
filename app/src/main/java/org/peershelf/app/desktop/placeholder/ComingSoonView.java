package org.peershelf.app.desktop.placeholder;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/** The empty state of a tab whose service has not landed yet: what it will do, and that it is coming. */
public final class ComingSoonView extends VBox {
    public ComingSoonView(String id, String icon, String title, String purpose, String arrivesWith) {
        setId(id);
        getStyleClass().add("empty-state");
        setAlignment(Pos.CENTER);
        Label symbol = new Label(icon);
        symbol.getStyleClass().add("empty-icon");
        Label heading = new Label(title);
        heading.getStyleClass().add("page-title");
        Label text = new Label(purpose);
        text.getStyleClass().add("muted");
        text.setWrapText(true);
        text.setTextAlignment(TextAlignment.CENTER);
        text.setMaxWidth(520);
        Label coming = new Label("Arrives with " + arrivesWith + ".");
        coming.getStyleClass().add("coming");
        getChildren().addAll(symbol, heading, text, coming);
    }
}
