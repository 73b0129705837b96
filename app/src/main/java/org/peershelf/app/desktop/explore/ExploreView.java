package org.peershelf.app.desktop.explore;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.peershelf.protocol.resource.ResourceType;

/** The Explore tab. Binds to {@link ExploreViewModel}; the details pane shows the selected row's words. */
public final class ExploreView extends VBox {
    private static final PseudoClass UNAVAILABLE = PseudoClass.getPseudoClass("unavailable");

    /** @param download starts downloading the given result */
    public ExploreView(ExploreViewModel model, java.util.function.Consumer<ResultRow> download) {
        setId("exploreView");
        setSpacing(10);
        setPadding(new Insets(16));

        TextField search = new TextField();
        search.setId("searchField");
        search.setPromptText("Search titles, authors, tags, abstracts, DOIs…  (Ctrl+F)");
        search.textProperty().bindBidirectional(model.textProperty());
        HBox.setHgrow(search, Priority.ALWAYS);

        ComboBox<ResourceType> type = new ComboBox<>(FXCollections.observableArrayList(ResourceType.values()));
        type.getItems().add(0, null);
        type.setId("typeFilter");
        type.setButtonCell(typeCell());
        type.setCellFactory(list -> typeCell());
        type.valueProperty().bindBidirectional(model.typeProperty());
        HBox filters = new HBox(8, search, type, small("yearFrom", "from year", model.yearFromProperty()),
                small("yearTo", "to year", model.yearToProperty()), small("authorFilter", "author", model.authorProperty()),
                small("tagFilter", "tag", model.tagProperty()));
        filters.setAlignment(Pos.CENTER_LEFT);

        Label browsing = new Label();
        browsing.textProperty().bind(Bindings.concat("Showing only ", model.ownerNameProperty(), "'s repository"));
        Button everyone = new Button("Show everyone's");
        everyone.setOnAction(e -> model.browse(null, ""));
        HBox browsingBar = new HBox(10, browsing, everyone);
        browsingBar.setAlignment(Pos.CENTER_LEFT);
        browsingBar.visibleProperty().bind(model.ownerProperty().isNotNull());
        browsingBar.managedProperty().bind(browsingBar.visibleProperty());

        TableView<ResultRow> table = new TableView<>(model.results());
        table.setId("exploreTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Title", ResultRow::title, 220));
        table.getColumns().add(column("Authors", ResultRow::authorsText, 140));
        table.getColumns().add(column("Year", ResultRow::yearText, 50));
        table.getColumns().add(column("Type", ResultRow::typeText, 70));
        table.getColumns().add(column("Shared by", ResultRow::ownerText, 115));
        table.getColumns().add(column("Holders", ResultRow::availabilityText, 125));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ResultRow row, boolean empty) {
                super.updateItem(row, empty);
                boolean greyed = !empty && row != null && !row.available();
                pseudoClassStateChanged(UNAVAILABLE, greyed);
                setTooltip(greyed ? new Tooltip("No holder of this is online right now; it can be downloaded "
                        + "when one of them is back.") : null);
            }
        });
        Label empty = new Label();
        empty.textProperty().bind(model.statusProperty());
        table.setPlaceholder(empty);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });

        SplitPane split = new SplitPane(table, new ResultDetails(model, download));
        split.setDividerPositions(0.66);
        VBox.setVgrow(split, Priority.ALWAYS);

        Label status = new Label();
        status.setId("exploreStatus");
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());

        getChildren().addAll(filters, browsingBar, split, status);
    }

    private static TextField small(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(id.startsWith("year") ? 5 : 9);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static ListCell<ResourceType> typeCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(ResourceType item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? "" : item == null ? "All types" : item.label());
            }
        };
    }

    private static TableColumn<ResultRow, String> column(String title, Function<ResultRow, String> value, double width) {
        TableColumn<ResultRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** The right-hand pane: everything about the selected result. */
    private static final class ResultDetails extends ScrollPane {
        ResultDetails(ExploreViewModel model, java.util.function.Consumer<ResultRow> start) {
            setId("exploreDetails");
            setFitToWidth(true);
            Label title = wrapped("section-title");
            title.setId("detailsTitle");
            Label authors = wrapped(null);
            Label facts = wrapped("muted");
            Label owner = wrapped(null);
            Button browse = new Button("Browse this repository");
            Label abstractText = wrapped(null);
            Label files = wrapped("mono");
            Label holders = wrapped(null);
            holders.setId("detailsHolders");
            Button download = new Button("Download");
            download.setId("downloadButton");
            download.getStyleClass().add("primary-button");
            Label downloadNote = wrapped("muted");
            Label none = wrapped("muted");
            none.setText("Select a result to see its abstract, files and holders.");

            VBox details = new VBox(8, title, authors, facts, new HBox(10, owner, browse), abstractText,
                    new Label("Files"), files, holders, download, downloadNote);
            details.setPadding(new Insets(12));
            VBox content = new VBox(none, details);
            setContent(content);
            details.visibleProperty().bind(model.selectedProperty().isNotNull());
            details.managedProperty().bind(details.visibleProperty());
            none.visibleProperty().bind(model.selectedProperty().isNull());
            none.managedProperty().bind(none.visibleProperty());
            none.setPadding(new Insets(12));

            model.selectedProperty().addListener((obs, old, row) -> {
                if (row == null) {
                    return;
                }
                title.setText(row.title());
                authors.setText(String.join(", ", row.metadata().authors()));
                facts.setText(row.factsText());
                owner.setText("Shared by " + row.ownerText());
                browse.setOnAction(e -> model.browse(row.owner(), row.ownerText()));
                abstractText.setText(row.metadata().abstractText() == null ? "No abstract." : row.metadata().abstractText());
                files.setText(row.filesText());
                holders.setText(row.holdersText());
                download.setDisable(!row.available());
                download.setOnAction(e -> start.accept(row));
                downloadNote.setText(row.available() ? "Copies it into your repository; you become a holder too."
                        : "Nobody who holds it is online right now.");
            });
        }

        private static Label wrapped(String style) {
            Label label = new Label();
            label.setWrapText(true);
            if (style != null) {
                label.getStyleClass().add(style);
            }
            return label;
        }
    }
}
