package org.peershelf.app.desktop.placeholder;

import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.SVGPath;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/** The empty state of a tab whose service has not landed yet: what it will do, and that it is coming. */
public final class ComingSoonView extends VBox {
    /** Simple 24×24 outlines, drawn rather than taken from a font so they look the same on every system. */
    public static final String SHELF = "M2 4h4v16H2z M8 4h4v16H8z M14.2 5.2l3.9-1 3.9 14.6-3.9 1z M1 21h22v1.5H1z";
    public static final String SEARCH = "M10 2a8 8 0 1 0 4.9 14.3l5.4 5.4 1.4-1.4-5.4-5.4A8 8 0 0 0 10 2zm0 2a6 6 0 1 1 0 12 6 6 0 0 1 0-12z";
    public static final String DOWNLOAD = "M11 3h2v10l3.5-3.5 1.4 1.4L12 16.8 6.1 10.9l1.4-1.4L11 13z M4 19h16v2H4z";
    public static final String CHAT = "M3 4h18v12H9l-5 4v-4H3z";

    public ComingSoonView(String id, String iconPath, String title, String purpose, String arrivesWith) {
        setId(id);
        getStyleClass().add("empty-state");
        setAlignment(Pos.CENTER);
        SVGPath shape = new SVGPath();
        shape.setContent(iconPath);
        shape.getStyleClass().add("empty-icon");
        StackPane symbol = new StackPane(new Group(shape));
        symbol.setScaleX(2.2);
        symbol.setScaleY(2.2);
        symbol.setPadding(new javafx.geometry.Insets(0, 0, 24, 0));
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
