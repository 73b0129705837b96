package org.peershelf.app.desktop.onboarding;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.peershelf.app.desktop.onboarding.OnboardingViewModel.TestState;

/** The first-run form. Binds to {@link OnboardingViewModel}; the only thing it does itself is open a folder chooser. */
public final class OnboardingView extends ScrollPane {
    private final GridPane grid = new GridPane();
    private int row;

    public OnboardingView(OnboardingViewModel model) {
        setId("onboarding");
        setFitToWidth(true);

        Label title = new Label("Welcome to PeerShelf");
        title.getStyleClass().add("page-title");
        Label intro = new Label("Share papers, datasets, code and slides with colleagues, peer to peer. "
                + "Tell them who you are; you can change this later.");
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");

        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(150);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);

        field("Your name", "name", "e.g. Ada Lovelace", model.nameProperty(), model.nameErrorProperty());
        field("Institution", "institution", "e.g. University of Edinburgh", model.institutionProperty(), null);
        field("Field", "field", "e.g. Computational biology", model.fieldProperty(), null);
        field("ORCID iD (optional)", "orcid", "0000-0002-1825-0097", model.orcidProperty(), model.orcidErrorProperty());
        field("E-mail (optional)", "email", "you@university.edu", model.emailProperty(), model.emailErrorProperty());

        TextField folder = new TextField();
        folder.setId("repositoryFolder");
        folder.textProperty().bindBidirectional(model.repositoryFolderProperty());
        Button chooseFolder = new Button("Choose…");
        chooseFolder.setId("chooseRepositoryFolder");
        chooseFolder.setOnAction(e -> {
            javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
            chooser.setTitle("Where should PeerShelf keep the files you share?");
            java.io.File picked = chooser.showDialog(getScene().getWindow());
            if (picked != null) {
                model.repositoryFolderProperty().set(picked.getAbsolutePath());
            }
        });
        HBox folderRow = new HBox(8, folder, chooseFolder);
        HBox.setHgrow(folder, Priority.ALWAYS);
        addRow("Repository folder", folderRow, model.folderErrorProperty(),
                "Copies of the files you share are kept here; pick a disk with room for your papers and datasets.");

        ToggleGroup registry = new ToggleGroup();
        RadioButton embedded = new RadioButton("This computer (embedded) — for trying PeerShelf or one computer");
        embedded.setId("registryEmbedded");
        embedded.setToggleGroup(registry);
        RadioButton lab = new RadioButton("My lab's registry");
        lab.setId("registryLab");
        lab.setToggleGroup(registry);
        (model.registryChoiceProperty().get() == RegistryChoice.LAB ? lab : embedded).setSelected(true);
        registry.selectedToggleProperty().addListener((obs, old, now) ->
                model.registryChoiceProperty().set(now == lab ? RegistryChoice.LAB : RegistryChoice.EMBEDDED));

        TextField uri = new TextField();
        uri.setId("registryUri");
        uri.setPromptText("mongodb://registry.mylab.example.org:27017");
        uri.textProperty().bindBidirectional(model.registryUriProperty());
        Button test = new Button("Test");
        test.setId("testRegistry");
        test.setOnAction(e -> model.testRegistry());
        test.disableProperty().bind(model.testStateProperty().isEqualTo(TestState.RUNNING));
        HBox uriRow = new HBox(8, uri, test);
        HBox.setHgrow(uri, Priority.ALWAYS);
        Label testResult = new Label();
        testResult.setId("testResult");
        testResult.setWrapText(true);
        testResult.textProperty().bind(model.testMessageProperty());
        model.testStateProperty().addListener((obs, old, now) -> {
            testResult.getStyleClass().removeAll("test-ok", "test-failed");
            if (now == TestState.OK) {
                testResult.getStyleClass().add("test-ok");
            } else if (now == TestState.FAILED) {
                testResult.getStyleClass().add("test-failed");
            }
        });
        VBox labBox = new VBox(4, uriRow, testResult);
        labBox.setPadding(new Insets(0, 0, 0, 26));
        labBox.visibleProperty().bind(model.registryChoiceProperty().isEqualTo(RegistryChoice.LAB));
        labBox.managedProperty().bind(labBox.visibleProperty());
        VBox registryBox = new VBox(6, embedded, lab, labBox);
        addRow("Registry", registryBox, model.registryErrorProperty(),
                "Where PeerShelf finds colleagues. Your lab's registry is a mongodb:// address your admin gives you.");

        Button finish = new Button("Start PeerShelf");
        finish.setId("finish");
        finish.setDefaultButton(true);
        finish.getStyleClass().add("primary-button");
        finish.disableProperty().bind(model.savingProperty());
        finish.setOnAction(e -> model.finish());
        Label saving = new Label("Saving your profile…");
        saving.getStyleClass().add("muted");
        saving.visibleProperty().bind(model.savingProperty());
        HBox actions = new HBox(12, saving, finish);
        actions.setAlignment(Pos.CENTER_RIGHT);

        VBox card = new VBox(14, title, intro, grid, actions);
        card.getStyleClass().add("card");
        card.setMaxWidth(720);
        card.setPadding(new Insets(24));
        StackPane page = new StackPane(card);
        page.setPadding(new Insets(24));
        StackPane.setAlignment(card, Pos.TOP_CENTER);
        setContent(page);
    }

    private void field(String label, String id, String prompt, javafx.beans.property.StringProperty value,
                       ObservableStringValue error) {
        TextField text = new TextField();
        text.setId(id);
        text.setPromptText(prompt);
        text.textProperty().bindBidirectional(value);
        addRow(label, text, error, null);
    }

    private void addRow(String label, javafx.scene.Node control, ObservableStringValue error, String hint) {
        Label name = new Label(label);
        GridPane.setValignment(name, javafx.geometry.VPos.TOP);
        name.setPadding(new Insets(5, 0, 0, 0));
        VBox cell = new VBox(3, control);
        if (hint != null) {
            Label help = new Label(hint);
            help.getStyleClass().add("muted");
            help.setWrapText(true);
            cell.getChildren().add(help);
        }
        if (error != null) {
            Label problem = new Label();
            problem.getStyleClass().add("field-error");
            problem.setWrapText(true);
            problem.textProperty().bind(error);
            problem.visibleProperty().bind(Bindings.isNotEmpty(error));
            problem.managedProperty().bind(problem.visibleProperty());
            cell.getChildren().add(problem);
        }
        cell.setPadding(new Insets(0, 0, 8, 0));
        grid.addRow(row++, name, cell);
    }
}
