package org.peershelf.app.desktop.chats;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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
                if (row.notice()) {
                    Label notice = new Label("\u2139 " + row.text() + "  " + row.time());
                    notice.getStyleClass().add("room-notice");
                    notice.setStyle("-fx-font-style: italic; -fx-padding: 4 10; -fx-background-radius: 8;"
                            + " -fx-background-color: rgba(128,128,128,0.15);");
                    notice.setWrapText(true);
                    HBox box = new HBox(notice);
                    box.setAlignment(Pos.CENTER);
                    setGraphic(box);
                    return;
                }
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
        send.setMinWidth(Region.USE_PREF_SIZE);
        send.disableProperty().bind(model.selectedProperty().isNull());
        draft.disableProperty().bind(model.selectedProperty().isNull());
        HBox compose = new HBox(8, draft, send);
        HBox.setHgrow(draft, Priority.ALWAYS);
        compose.setAlignment(Pos.BOTTOM_RIGHT);
        RoomControls rooms = model.rooms();
        VBox roomBar = roomBar(rooms);
        VBox conversation = new VBox(8, header, roomBar, lines, compose);
        conversation.setPadding(new Insets(12));

        VBox left = new VBox(8, newRoom(rooms), list);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(12, 0, 12, 12));

        Label membersTitle = new Label("Members");
        membersTitle.getStyleClass().add("section-title");
        ListView<MemberRow> members = new ListView<>(rooms.members());
        members.setId("roomMembers");
        members.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(MemberRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.label());
                setStyle(row != null && !row.online() ? "-fx-opacity: 0.6;" : "");
            }
        });
        VBox.setVgrow(members, Priority.ALWAYS);
        Label host = new Label();
        host.setId("roomHost");
        host.getStyleClass().add("muted");
        host.setWrapText(true);
        host.textProperty().bind(rooms.hostTextProperty());
        VBox memberPane = new VBox(8, membersTitle, host, members);
        memberPane.setPadding(new Insets(12, 12, 12, 0));
        memberPane.setMinWidth(170);
        memberPane.setMaxWidth(240);
        getItems().addAll(left, conversation);
        setDividerPositions(0.28);
        rooms.roomProperty().addListener((obs, old, now) -> {
            if (now != null && !getItems().contains(memberPane)) {
                getItems().add(memberPane);
                setDividerPositions(0.27, 0.80);
            } else if (now == null) {
                getItems().remove(memberPane);
            }
        });
    }

    private static VBox newRoom(RoomControls rooms) {
        TextField name = new TextField();
        name.setId("newRoomName");
        name.setPromptText("New room, e.g. Reading group");
        name.textProperty().bindBidirectional(rooms.newRoomNameProperty());
        name.setOnAction(e -> rooms.createRoom());
        Button create = new Button("Create room");
        create.setId("createRoom");
        create.setOnAction(e -> rooms.createRoom());
        create.disableProperty().bind(rooms.busyProperty());
        HBox row = new HBox(6, name, create);
        HBox.setHgrow(name, Priority.ALWAYS);
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(rooms.createErrorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        return new VBox(4, row, error);
    }

    /** Host, members online and what can be done with the selected room; hidden for direct chats. */
    private static VBox roomBar(RoomControls rooms) {
        Button mute = new Button();
        mute.setId("muteRoom");
        mute.textProperty().bind(Bindings.when(rooms.mutedProperty()).then("Unmute").otherwise("Mute"));
        mute.setOnAction(e -> rooms.toggleMute());
        Button leave = new Button("Leave");
        leave.setId("leaveRoom");
        leave.setOnAction(e -> rooms.leave());
        Button delete = new Button("Delete room");
        delete.setId("deleteRoom");
        delete.setOnAction(e -> {
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Delete \u201C" + rooms.roomProperty().get().name()
                    + "\u201D for everyone? Members keep the history, read-only.", ButtonType.OK, ButtonType.CANCEL);
            confirm.setHeaderText("Delete the room?");
            confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> rooms.delete());
        });
        Tooltip deleteHint = new Tooltip();
        // a disabled button shows no tooltip, so the wrapper carries it
        HBox deleteBox = new HBox(delete);
        Tooltip.install(deleteBox, deleteHint);
        rooms.permissionsProperty().addListener((obs, old, now) -> {
            mute.setDisable(!now.mute());
            leave.setDisable(!now.leave());
            delete.setDisable(!now.delete());
            deleteHint.setText(now.deleteHint());
        });
        mute.disableProperty().set(true);
        leave.setDisable(true);
        delete.setDisable(true);
        for (Button b : List.of(mute, leave, delete)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox actions = new HBox(8, spacer(), mute, leave, deleteBox);
        actions.setAlignment(Pos.CENTER_LEFT);

        ComboBox<InviteCandidate> who = new ComboBox<>(rooms.candidates());
        who.setId("inviteChoice");
        who.setPromptText("Invite someone…");
        who.valueProperty().bindBidirectional(rooms.inviteChoiceProperty());
        who.setMaxWidth(Double.MAX_VALUE);
        TextField device = new TextField();
        device.setId("inviteDevice");
        device.setPromptText("…or paste a device id");
        device.textProperty().bindBidirectional(rooms.inviteDeviceProperty());
        Button invite = new Button("Invite");
        invite.setId("inviteButton");
        invite.setOnAction(e -> rooms.invite());
        HBox inviteRow = new HBox(8, who, device, invite);
        HBox.setHgrow(who, Priority.ALWAYS);
        HBox.setHgrow(device, Priority.ALWAYS);
        inviteRow.setAlignment(Pos.CENTER_LEFT);
        Label inviteError = new Label();
        inviteError.getStyleClass().add("field-error");
        inviteError.textProperty().bind(rooms.inviteErrorProperty());
        inviteError.managedProperty().bind(inviteError.textProperty().isNotEmpty());
        rooms.permissionsProperty().addListener((obs, old, now) -> {
            inviteRow.setVisible(now.invite());
            inviteRow.setManaged(now.invite());
        });
        inviteRow.setVisible(false);
        inviteRow.setManaged(false);

        VBox bar = new VBox(6, actions, inviteRow, inviteError);
        bar.visibleProperty().bind(rooms.roomProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
