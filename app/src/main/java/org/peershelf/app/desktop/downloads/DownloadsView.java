package org.peershelf.app.desktop.downloads;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Downloads tab. Binds to {@link DownloadsViewModel}. */
public final class DownloadsView extends VBox {
    public DownloadsView(DownloadsViewModel model, Consumer<Path> opener) {
        setId("downloadsView");
        setSpacing(10);
        setPadding(new Insets(16));

        TableView<DownloadRow> table = new TableView<>(model.rows());
        table.setId("downloadsTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Title", DownloadRow::title, 240));
        TableColumn<DownloadRow, Double> progress = new TableColumn<>("Progress");
        progress.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().fraction()));
        progress.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();

            @Override
            protected void updateItem(Double value, boolean empty) {
                super.updateItem(value, empty);
                bar.setMaxWidth(Double.MAX_VALUE);
                bar.setProgress(value == null ? 0 : value);
                setGraphic(empty ? null : bar);
            }
        });
        progress.setPrefWidth(140);
        table.getColumns().add(progress);
        table.getColumns().add(column("State", DownloadRow::stateText, 170));
        table.getColumns().add(column("Size", DownloadRow::sizeText, 160));
        table.getColumns().add(column("Rate", DownloadRow::rateText, 80));
        table.getColumns().add(column("Time left", DownloadRow::etaText, 80));
        table.getColumns().add(column("Holders", DownloadRow::holdersText, 100));
        Label empty = new Label("No downloads yet. Find something in Explore and press Download.");
        table.setPlaceholder(empty);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        VBox.setVgrow(table, Priority.ALWAYS);

        Button pause = new Button("Pause");
        Button resume = new Button("Resume");
        Button cancel = new Button("Cancel");
        Button open = new Button("Open");
        open.setId("openDownload");
        Button clear = new Button("Clear finished");
        pause.setOnAction(e -> model.pause(model.selectedProperty().get()));
        resume.setOnAction(e -> model.resume(model.selectedProperty().get()));
        cancel.setOnAction(e -> model.cancel(model.selectedProperty().get()));
        open.setOnAction(e -> model.open(model.selectedProperty().get(), opener));
        clear.setOnAction(e -> model.clearFinished());
        Runnable enable = () -> {
            DownloadRow row = model.selectedProperty().get();
            pause.setDisable(row == null || !row.canPause());
            resume.setDisable(row == null || !row.canResume());
            cancel.setDisable(row == null || !row.canCancel());
            open.setDisable(row == null || !row.canOpen());
        };
        model.selectedProperty().addListener((obs, old, now) -> enable.run());
        enable.run();
        HBox actions = new HBox(8, pause, resume, cancel, open, clear);
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(table, actions);
    }

    private static TableColumn<DownloadRow, String> column(String title, Function<DownloadRow, String> value, double width) {
        TableColumn<DownloadRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
