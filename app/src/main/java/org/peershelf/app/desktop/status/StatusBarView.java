package org.peershelf.app.desktop.status;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;

/** The bar under the tabs. Binds to {@link StatusBarViewModel}; no logic. */
public final class StatusBarView extends HBox {
    public StatusBarView(StatusBarViewModel model) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        Circle light = new Circle(5);
        light.getStyleClass().add("status-light");
        Label registry = new Label();
        registry.setId("statusRegistry");
        registry.textProperty().bind(model.registryTextProperty());
        registry.setMinWidth(0);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(model.registryTextProperty());
        registry.setTooltip(tip);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.visibleProperty().bind(model.leavingProperty());
        busy.managedProperty().bind(model.leavingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label peers = new Label();
        peers.setId("statusPeers");
        peers.setMinWidth(Region.USE_PREF_SIZE);
        peers.textProperty().bind(model.peersTextProperty());
        Label outbox = new Label();
        outbox.setId("statusOutbox");
        outbox.setMinWidth(Region.USE_PREF_SIZE);
        outbox.textProperty().bind(model.outboxTextProperty());
        outbox.visibleProperty().bind(model.outboxTextProperty().isNotEmpty());
        outbox.managedProperty().bind(outbox.visibleProperty());
        Label transfers = new Label();
        transfers.setId("statusTransfers");
        transfers.setMinWidth(Region.USE_PREF_SIZE);
        transfers.textProperty().bind(model.transfersTextProperty());
        transfers.visibleProperty().bind(model.transfersTextProperty().isNotEmpty());
        transfers.managedProperty().bind(transfers.visibleProperty());
        getChildren().addAll(light, busy, registry, spacer, transfers, outbox, peers);
        model.registryStatusProperty().addListener((obs, old, now) -> styleLight(light, now));
        styleLight(light, model.registryStatusProperty().get());
    }

    private static void styleLight(Circle light, RegistryStatus status) {
        light.getStyleClass().removeAll("connected", "unreachable", "connecting");
        light.getStyleClass().add(status.name().toLowerCase(Locale.ROOT));
    }
}
