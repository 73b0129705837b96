package org.peershelf.app.desktop.peers;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Peers tab: this device, then every online device. Binds to {@link PeersViewModel}. */
public final class PeersView extends VBox {
    public PeersView(PeersViewModel model) {
        setId("peersView");
        setSpacing(12);
        setPadding(new Insets(16));

        Label title = new Label("This device");
        title.getStyleClass().add("section-title");
        GridPane self = new GridPane();
        self.getStyleClass().add("card");
        self.setHgap(12);
        self.setVgap(6);
        Label you = new Label(model.selfName() + (model.selfInstitution().isEmpty() ? "" : " — " + model.selfInstitution()));
        you.setId("peersSelfName");
        self.addRow(0, muted("You"), you);
        TextField id = new TextField(model.deviceId());
        id.setId("selfDeviceId");
        id.setEditable(false);
        id.getStyleClass().add("mono");
        id.setPrefColumnCount(34);
        self.addRow(1, muted("Device id"), id);
        Label port = new Label(Integer.toString(model.port()));
        port.setId("selfPort");
        self.addRow(2, muted("Port"), port);
        Label registry = new Label();
        registry.setId("peersRegistry");
        registry.setWrapText(true);
        registry.textProperty().bind(model.registryProperty());
        self.addRow(3, muted("Registry"), registry);

        Label others = new Label("Online devices");
        others.getStyleClass().add("section-title");
        Label summary = new Label();
        summary.setId("peersSummary");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(model.summaryProperty());

        TableView<PeerRow> table = new TableView<>(model.rows());
        table.setId("peersTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Name", PeerRow::displayName, 180));
        table.getColumns().add(column("Institution", PeerRow::institution, 200));
        table.getColumns().add(column("Device", PeerRow::shortId, 90));
        table.getColumns().add(column("Address", PeerRow::address, 140));
        table.getColumns().add(column("Link", r -> r.link().label(), 150));
        table.getColumns().add(column("Round trip", PeerRow::rttText, 100));
        Label empty = new Label("No other device is online yet. Colleagues appear here as soon as they start "
                + "PeerShelf with the same registry.");
        empty.setWrapText(true);
        empty.setMaxWidth(420);
        table.setPlaceholder(empty);
        VBox.setVgrow(table, Priority.ALWAYS);

        getChildren().addAll(title, self, others, summary, table);
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("muted");
        label.setMinWidth(80);
        return label;
    }

    private static TableColumn<PeerRow, String> column(String title, Function<PeerRow, String> value, double width) {
        TableColumn<PeerRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
