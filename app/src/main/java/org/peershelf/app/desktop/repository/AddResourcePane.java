package org.peershelf.app.desktop.repository;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.peershelf.protocol.resource.ResourceType;

/** The add form beside the table: files, metadata (or pasted BibTeX), publish now. Binds to {@link AddResourceForm}. */
final class AddResourcePane extends VBox {
    AddResourcePane(RepositoryViewModel model) {
        AddResourceForm form = model.form();
        setId("addResourcePane");
        setSpacing(8);
        setPadding(new Insets(12));
        Label heading = new Label();
        heading.setId("formHeading");
        heading.getStyleClass().add("section-title");
        heading.textProperty().bind(Bindings.createStringBinding(() -> model.modeProperty().get().heading(),
                model.modeProperty()));
        ListView<java.nio.file.Path> files = new ListView<>(form.files());
        files.setPrefHeight(70);
        Button pickFiles = new Button("Choose the new files…");
        pickFiles.setOnAction(e -> {
            java.util.List<java.io.File> picked = new FileChooser().showOpenMultipleDialog(getScene().getWindow());
            if (picked != null && !picked.isEmpty()) {
                model.startAdding(picked.stream().map(java.io.File::toPath).toList());
            }
        });
        BooleanBinding editing = model.modeProperty().isEqualTo(FormMode.EDIT);
        files.visibleProperty().bind(editing.not());
        files.managedProperty().bind(files.visibleProperty());
        pickFiles.visibleProperty().bind(model.modeProperty().isEqualTo(FormMode.NEW_VERSION));
        pickFiles.managedProperty().bind(pickFiles.visibleProperty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        TextField title = bound(form.titleProperty(), "Title");
        title.setId("addTitle");
        TextArea authors = new TextArea();
        authors.setPromptText("One author per line");
        authors.setPrefRowCount(2);
        authors.textProperty().bindBidirectional(form.authorsProperty());
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // labels are never cut to "…"
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        ComboBox<ResourceType> type = new ComboBox<>(FXCollections.observableArrayList(ResourceType.values()));
        type.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ResourceType value) {
                return value == null ? "" : value.label();
            }

            @Override
            public ResourceType fromString(String text) {
                return null; // not editable
            }
        });
        type.valueProperty().bindBidirectional(form.typeProperty());
        TextField year = bound(form.yearProperty(), "e.g. 2021");
        year.setPrefColumnCount(5);
        TextArea abstractText = new TextArea();
        abstractText.setPrefRowCount(3);
        abstractText.setWrapText(true);
        abstractText.textProperty().bindBidirectional(form.abstractProperty());
        int row = 0;
        grid.addRow(row++, new Label("Title"), title);
        grid.addRow(row++, new Label("Authors"), authors);
        grid.addRow(row++, new Label("Type"), new HBox(8, type, new Label("Year"), year));
        grid.addRow(row++, new Label("DOI"), bound(form.doiProperty(), "10.1000/xyz123"));
        grid.addRow(row++, new Label("Tags"), bound(form.tagsProperty(), "comma, separated"));
        TextField version = bound(form.versionProperty(), "e.g. 2 or 1.1");
        version.setId("formVersion");
        version.setPrefColumnCount(6);
        TextField licence = bound(form.licenceProperty(), "e.g. CC-BY-4.0");
        licence.setId("formLicence");
        grid.addRow(row++, new Label("Licence"), new HBox(8, licence, new Label("Version"), version));
        HBox.setHgrow(licence, Priority.ALWAYS);
        grid.addRow(row, new Label("Abstract"), abstractText);
        GridPane.setHgrow(title, Priority.ALWAYS);

        TextArea bibtex = new TextArea();
        bibtex.setPromptText("…or paste a BibTeX entry here");
        bibtex.setPrefRowCount(3);
        bibtex.textProperty().bindBidirectional(form.bibtexProperty());
        Button fill = new Button("Fill from BibTeX");
        fill.setOnAction(e -> form.importBibtex());
        fill.disableProperty().bind(form.bibtexProperty().isEmpty());
        Button importBib = new Button("Import a .bib file…");
        importBib.setId("importBibFile");
        importBib.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("BibTeX", "*.bib", "*.bibtex", "*.txt"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            java.io.File picked = chooser.showOpenDialog(getScene().getWindow());
            if (picked != null) {
                model.importBibtexFile(picked.toPath());
            }
        });

        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(form.errorProperty());
        CheckBox publish = new CheckBox("Publish it now (colleagues can find and download it)");
        publish.selectedProperty().bindBidirectional(form.publishNowProperty());
        publish.visibleProperty().bind(editing.not()); // an edit keeps the resource listed or not, as it was
        publish.managedProperty().bind(publish.visibleProperty());
        Button add = new Button();
        add.setId("confirmAdd");
        add.textProperty().bind(Bindings.createStringBinding(() -> model.modeProperty().get().action(),
                model.modeProperty()));
        add.setDefaultButton(true);
        add.getStyleClass().add("primary-button");
        add.disableProperty().bind(Bindings.or(form.readyProperty().not(), model.busyProperty()));
        add.setOnAction(e -> model.confirm());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelForm");
        cancel.setOnAction(e -> model.cancelAdding());
        Label copying = new Label("Copying and hashing…");
        copying.getStyleClass().add("muted");
        copying.visibleProperty().bind(model.busyProperty());
        HBox actions = new HBox(8, copying, cancel, add);
        actions.setAlignment(Pos.CENTER_RIGHT);

        getChildren().addAll(heading, files, pickFiles, grid, bibtex, new HBox(8, fill, importBib), error, publish, actions);
    }

    private static TextField bound(javafx.beans.property.StringProperty property, String prompt) {
        TextField field = new TextField();
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }
}
