package org.peershelf.app.desktop.repository;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.BooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.peershelf.protocol.resource.InvalidMetadataException;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.protocol.resource.bibtex.BibtexException;
import org.peershelf.protocol.resource.bibtex.BibtexMetadata;

/**
 * The "add to my repository" form: the picked files and their metadata, typed or filled from pasted
 * BibTeX. Authors one per line (or separated by ";"), tags separated by commas. UI thread only.
 */
public final class AddResourceForm {
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty authors = new SimpleStringProperty("");
    private final StringProperty year = new SimpleStringProperty("");
    private final ObjectProperty<ResourceType> type = new SimpleObjectProperty<>(ResourceType.PAPER);
    private final StringProperty doi = new SimpleStringProperty("");
    private final StringProperty tags = new SimpleStringProperty("");
    private final StringProperty abstractText = new SimpleStringProperty("");
    private final StringProperty bibtex = new SimpleStringProperty("");
    private final BooleanProperty publishNow = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanBinding ready = Bindings.createBooleanBinding(
            () -> !files.isEmpty() && !title.get().isBlank(), files, title);

    public void addFiles(List<Path> picked) {
        for (Path path : picked) {
            if (!files.contains(path)) {
                files.add(path);
            }
        }
        if (title.get().isBlank() && files.size() == 1) {
            String name = files.get(0).getFileName().toString();
            int dot = name.lastIndexOf('.');
            title.set((dot > 0 ? name.substring(0, dot) : name).replace('_', ' '));
        }
    }

    /** Fills the fields from the pasted BibTeX entry; says what is wrong if it cannot be read. */
    public void importBibtex() {
        try {
            ResourceMetadata m = BibtexMetadata.fromText(bibtex.get());
            title.set(m.title());
            authors.set(String.join("\n", m.authors()));
            year.set(m.year() == null ? "" : m.year().toString());
            type.set(m.type());
            doi.set(m.doi() == null ? "" : m.doi());
            tags.set(String.join(", ", m.tags()));
            abstractText.set(m.abstractText() == null ? "" : m.abstractText());
            error.set("");
        } catch (BibtexException | InvalidMetadataException e) {
            error.set("The BibTeX could not be read: " + e.getMessage());
        }
    }

    /** The metadata as typed, or empty with {@link #errorProperty()} saying why. */
    public java.util.Optional<ResourceMetadata> metadata() {
        try {
            Integer y = year.get().isBlank() ? null : Integer.valueOf(year.get().strip());
            ResourceMetadata m = ResourceMetadata.builder(title.get(), type.get()).authors(split(authors.get(), "[\\n;]"))
                    .year(y).doi(blankToNull(doi.get())).tags(split(tags.get(), ","))
                    .abstractText(blankToNull(abstractText.get())).build();
            error.set("");
            return java.util.Optional.of(m);
        } catch (NumberFormatException e) {
            error.set("The year must be a number, like 2021.");
        } catch (InvalidMetadataException e) {
            error.set(e.getMessage());
        }
        return java.util.Optional.empty();
    }

    public void clear() {
        files.clear();
        title.set("");
        authors.set("");
        year.set("");
        type.set(ResourceType.PAPER);
        doi.set("");
        tags.set("");
        abstractText.set("");
        bibtex.set("");
        error.set("");
    }

    private static List<String> split(String text, String separator) {
        return Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public ObservableList<Path> files() {
        return files;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty authorsProperty() {
        return authors;
    }

    public StringProperty yearProperty() {
        return year;
    }

    public ObjectProperty<ResourceType> typeProperty() {
        return type;
    }

    public StringProperty doiProperty() {
        return doi;
    }

    public StringProperty tagsProperty() {
        return tags;
    }

    public StringProperty abstractProperty() {
        return abstractText;
    }

    public StringProperty bibtexProperty() {
        return bibtex;
    }

    public BooleanProperty publishNowProperty() {
        return publishNow;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding readyProperty() {
        return ready;
    }
}
