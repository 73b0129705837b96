package org.peershelf.app.desktop.chats;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Chats tab: conversations on the left, the selected one on the right; Ctrl+Enter sends. Binds only. */
public final class ChatsView extends SplitPane {
    public ChatsView(ChatsViewModel model) {
        setId("chatsView");
        ListView<ConversationRow> list = new ListView<>(model.conversations());
        list.setId("conversations");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ConversationRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label title = new Label(row.label());
                title.setStyle(row.unread() > 0 ? "-fx-font-weight: bold;" : "");
                Label detail = new Label(row.detail());
                detail.getStyleClass().add("muted");
                detail.setWrapText(true);
                detail.maxWidthProperty().bind(getListView().widthProperty().subtract(40));
                setText(null);
                setGraphic(new VBox(2, title, detail));
            }
        });
        Label none = new Label("Nobody to talk to yet: colleagues appear here when they are online.");
        none.setWrapText(true);
        list.setPlaceholder(none);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });

        Label header = new Label();
        header.setId("chatHeader");
        header.getStyleClass().add("section-title");
        header.setWrapText(true);
        header.textProperty().bind(model.headerProperty());
        ListView<MessageRow> lines = new ListView<>(model.messages());
        lines.setId("messages");
        lines.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(MessageRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                setText(null);
                if (row.day()) {
                    Label day = new Label(row.text());
                    day.getStyleClass().add("muted");
                    HBox box = new HBox(day);
                    box.setAlignment(Pos.CENTER);
                    setGraphic(box);
                    return;
                }
                Label who = new Label(row.sender() + "  " + row.time());
                who.getStyleClass().add("muted");
                Label text = new Label(row.text());
                text.setWrapText(true);
                text.setMaxWidth(520);
                Label mark = new Label(row.mark());
                mark.getStyleClass().add("muted");
                VBox bubble = new VBox(2, who, text, mark);
                bubble.getStyleClass().add(row.mine() ? "bubble-mine" : "bubble");
                HBox line = new HBox(bubble);
                line.setAlignment(row.mine() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
                line.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
                setGraphic(line);
            }
        });
        model.messages().addListener((javafx.collections.ListChangeListener<MessageRow>) c -> {
            if (!model.messages().isEmpty()) {
                lines.scrollTo(model.messages().size() - 1);
            }
        });
        Label pick = new Label("Choose a room or a colleague on the left.");
        pick.getStyleClass().add("muted");
        lines.setPlaceholder(pick);
        VBox.setVgrow(lines, Priority.ALWAYS);

        TextArea draft = new TextArea();
        draft.setId("draft");
        draft.setPromptText("Write a message — Ctrl+Enter sends");
        draft.setPrefRowCount(2);
        draft.setWrapText(true);
        draft.textProperty().bindBidirectional(model.draftProperty());
        draft.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                model.send();
                e.consume();
            }
        });
        Button send = new Button("Send");
        send.setId("send");
        send.getStyleClass().add("primary-button");
        send.setOnAction(e -> model.send());
        send.disableProperty().bind(model.selectedProperty().isNull());
        draft.disableProperty().bind(model.selectedProperty().isNull());
        HBox compose = new HBox(8, draft, send);
        HBox.setHgrow(draft, Priority.ALWAYS);
        compose.setAlignment(Pos.BOTTOM_RIGHT);
        VBox conversation = new VBox(8, header, lines, compose);
        conversation.setPadding(new Insets(12));

        VBox left = new VBox(list);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(12, 0, 12, 12));
        getItems().addAll(left, conversation);
        setDividerPositions(0.3);
    }
}
