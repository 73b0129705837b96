package org.peershelf.app.desktop.repository;

import java.nio.file.Path;
import java.time.Year;
import java.util.regex.Pattern;
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
import org.peershelf.protocol.resource.ResourceId;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.protocol.resource.bibtex.BibtexException;
import org.peershelf.protocol.resource.bibtex.BibtexMetadata;

/**
 * The metadata form of My Repository, for adding files, editing a held resource's metadata and making a new
 * version of it: the picked files (none when editing) and the metadata, typed or filled from pasted or imported
 * BibTeX. Authors one per line (or separated by ";"), tags separated by commas. UI thread only.
 */
public final class AddResourceForm {
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final Pattern YEAR = Pattern.compile("\\d{1,4}");
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty authors = new SimpleStringProperty("");
    private final StringProperty year = new SimpleStringProperty("");
    private final ObjectProperty<ResourceType> type = new SimpleObjectProperty<>(ResourceType.PAPER);
    private final StringProperty doi = new SimpleStringProperty("");
    private final StringProperty tags = new SimpleStringProperty("");
    private final StringProperty abstractText = new SimpleStringProperty("");
    private final StringProperty licence = new SimpleStringProperty("");
    private final StringProperty version = new SimpleStringProperty("");
    /** Kept from the metadata being edited: editing does not change which resource this is a version of. */
    private ResourceId previousVersion;
    private final BooleanProperty needsFiles = new SimpleBooleanProperty(true);
    private final StringProperty bibtex = new SimpleStringProperty("");
    private final BooleanProperty publishNow = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanBinding ready = Bindings.createBooleanBinding(
            () -> (!needsFiles.get() || !files.isEmpty()) && !title.get().isBlank(), files, title, needsFiles);

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
            fillDescription(m);
            if (m.licence() != null) {
                licence.set(m.licence());
            }
            if (m.version() != null) {
                version.set(m.version());
            }
            error.set("");
        } catch (BibtexException | InvalidMetadataException e) {
            error.set("The BibTeX could not be read: " + e.getMessage());
        }
    }

    /** Fills every field from held metadata (to edit it, or to start a new version from it). */
    public void fill(ResourceMetadata m) {
        fillDescription(m);
        licence.set(m.licence() == null ? "" : m.licence());
        version.set(m.version() == null ? "" : m.version());
        previousVersion = m.previousVersion();
        error.set("");
    }

    /** The fields a BibTeX entry and held metadata both give: everything but licence, version and lineage. */
    private void fillDescription(ResourceMetadata m) {
        title.set(m.title());
        authors.set(String.join("\n", m.authors()));
        year.set(m.year() == null ? "" : m.year().toString());
        type.set(m.type());
        doi.set(m.doi() == null ? "" : m.doi());
        tags.set(String.join(", ", m.tags()));
        abstractText.set(m.abstractText() == null ? "" : m.abstractText());
    }

    void previousVersion(ResourceId previous) {
        previousVersion = previous;
    }

    /** False while editing metadata: the held files stay as they are. */
    BooleanProperty needsFilesProperty() {
        return needsFiles;
    }

    /** The metadata as typed, or empty with {@link #errorProperty()} saying why. */
    public java.util.Optional<ResourceMetadata> metadata() {
        try {
            String typedYear = year.get().strip();
            if (!typedYear.isEmpty() && !YEAR.matcher(typedYear).matches()) {
                error.set("The year must be a number, like 2021.");
                return java.util.Optional.empty();
            }
            Integer y = typedYear.isEmpty() ? null : Integer.valueOf(typedYear);
            int latest = Year.now().getValue() + 1; // in press
            if (y != null && (y < 1000 || y > latest)) {
                error.set("The year " + y + " is not a publication year (1000 to " + latest + ").");
                return java.util.Optional.empty();
            }
            ResourceMetadata m = ResourceMetadata.builder(title.get(), type.get()).authors(split(authors.get(), "[\\n;]"))
                    .year(y).doi(blankToNull(doi.get())).tags(split(tags.get(), ","))
                    .abstractText(blankToNull(abstractText.get())).licence(blankToNull(licence.get()))
                    .version(blankToNull(version.get())).previousVersion(previousVersion).build();
            if (m.doi() != null && !DOI.matcher(m.doi()).matches()) {
                error.set("\u201C" + m.doi() + "\u201D is not a DOI: a DOI looks like 10.1145/3133956 "
                        + "(https://doi.org/\u2026 is fine too).");
                return java.util.Optional.empty();
            }
            error.set("");
            return java.util.Optional.of(m);
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
        licence.set("");
        version.set("");
        previousVersion = null;
        needsFiles.set(true);
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

    public StringProperty licenceProperty() {
        return licence;
    }

    public StringProperty versionProperty() {
        return version;
    }

    /** Shows an error found outside the fields (e.g. a .bib file that cannot be read). */
    void error(String text) {
        error.set(text);
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
