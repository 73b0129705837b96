package org.peershelf.app.desktop.repository;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.peershelf.app.desktop.notify.Notifications;

/** The My Repository tab: held resources, their details or the add form. Binds to {@link RepositoryViewModel}. */
public final class RepositoryView extends VBox {
    public RepositoryView(RepositoryViewModel model, Notifications notices, Consumer<Path> opener) {
        setId("repositoryView");
        setSpacing(10);
        setPadding(new Insets(16));

        Button addFiles = new Button("Add files…");
        addFiles.setId("addFiles");
        addFiles.setOnAction(e -> {
            List<File> picked = new FileChooser().showOpenMultipleDialog(getScene().getWindow());
            if (picked != null && !picked.isEmpty()) {
                model.startAdding(picked.stream().map(File::toPath).toList());
            }
        });
        Button addFolder = new Button("Add a folder…");
        addFolder.setOnAction(e -> {
            File picked = new DirectoryChooser().showDialog(getScene().getWindow());
            if (picked != null) {
                model.startAdding(List.of(picked.toPath()));
            }
        });
        Label hint = new Label("or drop files and folders anywhere here");
        hint.getStyleClass().add("muted");
        HBox toolbar = new HBox(8, addFiles, addFolder, hint);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        TableView<HeldRow> table = new TableView<>(model.rows());
        table.setId("repositoryTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Title", HeldRow::title, 260));
        table.getColumns().add(column("Type", HeldRow::typeText, 70));
        table.getColumns().add(column("Year", HeldRow::yearText, 50));
        table.getColumns().add(column("Files", HeldRow::sizeText, 110));
        table.getColumns().add(column("In the catalogue", r -> r.listing().label(), 150));
        Label empty = new Label("Nothing here yet. Add a paper, a dataset, code or slides: drop the files here "
                + "or use \u201CAdd files\u2026\u201D.");
        empty.setWrapText(true);
        empty.setMaxWidth(380);
        table.setPlaceholder(empty);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });

        HeldDetails details = new HeldDetails(model, notices, opener);
        ScrollPane form = new ScrollPane(new AddResourcePane(model));
        form.setFitToWidth(true);
        form.visibleProperty().bind(model.addingProperty());
        details.visibleProperty().bind(model.addingProperty().not());
        SplitPane split = new SplitPane(table, new StackPane(details, form));
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(toolbar, split);

        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                model.startAdding(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private static TableColumn<HeldRow, String> column(String title, Function<HeldRow, String> value, double width) {
        TableColumn<HeldRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** The selected resource: its words, where it stands, and what can be done with it. */
    private static final class HeldDetails extends VBox {
        HeldDetails(RepositoryViewModel model, Notifications notices, Consumer<Path> opener) {
            setSpacing(8);
            setPadding(new Insets(12));
            Label title = label("section-title");
            Label authors = label(null);
            Label facts = label("muted");
            Label listing = label(null);
            listing.setId("heldListing");
            Label holders = label("muted");
            holders.setId("heldHolders");
            holders.textProperty().bind(model.holdersTextProperty());
            Label versionsTitle = label(null);
            versionsTitle.setText("Versions");
            versionsTitle.setStyle("-fx-font-weight: bold;");
            javafx.scene.control.ListView<VersionRow> versions = new javafx.scene.control.ListView<>(model.versions());
            versions.setId("heldVersions");
            versions.setPrefHeight(90);
            versions.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(VersionRow row, boolean empty) {
                    super.updateItem(row, empty);
                    setText(empty || row == null ? null : row.label());
                    setStyle(row != null && row.current() ? "-fx-font-weight: bold;" : "");
                }
            });
            Button edit = new Button("Edit details…");
            edit.setId("editDetails");
            Button newVersion = new Button("New version…");
            newVersion.setId("newVersion");
            Button publish = new Button("Publish");
            publish.setId("publishButton");
            Button unpublish = new Button("Unpublish");
            Button open = new Button("Open");
            Button bibtex = new Button("Copy BibTeX");
            HBox actions = new HBox(8, publish, unpublish, open, bibtex);
            HBox changes = new HBox(8, edit, newVersion);
            Label none = label("muted");
            none.setText("Select a resource to publish it, open it or copy its BibTeX.");
            VBox body = new VBox(8, title, authors, facts, listing, holders, actions, changes, versionsTitle, versions);
            getChildren().addAll(none, body);
            body.visibleProperty().bind(model.selectedProperty().isNotNull());
            body.managedProperty().bind(body.visibleProperty());
            none.visibleProperty().bind(model.selectedProperty().isNull());
            none.managedProperty().bind(none.visibleProperty());
            model.selectedProperty().addListener((obs, old, row) -> {
                if (row == null) {
                    return;
                }
                title.setText(row.title());
                authors.setText(String.join(", ", row.resource().metadata().authors()));
                facts.setText(row.typeText() + (row.yearText().isEmpty() ? "" : " · " + row.yearText()) + " · "
                        + row.sizeText() + (row.versionText().isEmpty() ? "" : " · version " + row.versionText()));
                listing.setText("In the catalogue: " + row.listing().label());
                publish.setDisable(row.listing() == HeldRow.Listing.PUBLISHED || row.listing() == HeldRow.Listing.PUBLISHING);
                unpublish.setDisable(row.listing() == HeldRow.Listing.PRIVATE || row.listing() == HeldRow.Listing.UNPUBLISHING);
                publish.setOnAction(e -> model.publish(row));
                unpublish.setOnAction(e -> model.unpublish(row));
                open.setOnAction(e -> model.open(row, opener));
                edit.setOnAction(e -> model.startEditing(row));
                newVersion.setOnAction(e -> model.startNewVersion(row));
                bibtex.setOnAction(e -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(model.bibtex(row));
                    Clipboard.getSystemClipboard().setContent(content);
                    notices.info("BibTeX copied", "Paste it into your reference manager or your .bib file.");
                });
            });
        }

        private static Label label(String style) {
            Label label = new Label();
            label.setWrapText(true);
            if (style != null) {
                label.getStyleClass().add(style);
            }
            return label;
        }
    }
}
