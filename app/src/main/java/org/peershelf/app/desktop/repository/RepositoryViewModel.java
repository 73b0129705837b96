package org.peershelf.app.desktop.repository;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.peershelf.app.desktop.notify.Notifications;
import org.peershelf.app.desktop.task.BackgroundTasks;
import org.peershelf.protocol.registry.RegistryUnavailableException;
import org.peershelf.protocol.registry.ResourceHit;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.protocol.registry.ResourceRegistry;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceId;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.bibtex.BibtexMetadata;
import org.peershelf.protocol.resource.publish.OutboxEvent;

/**
 * My Repository: what this device holds, whether each is listed in the catalogue, adding files (copied
 * and hashed in the background), publishing and unpublishing through the outbox, BibTeX export and
 * opening a file, editing a resource's metadata and making a new version of it (with its versions and
 * holders shown). A queued change shows as "publishing…" until the outbox says it reached the registry.
 * UI thread only.
 */
public final class RepositoryViewModel {
    private final DesktopResources resources;
    private final ResourceRegistry registry;
    private final BackgroundTasks tasks;
    private final Notifications notices;
    private final LongSupplier freshSince;
    private final ObservableList<HeldRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<HeldRow> selected = new SimpleObjectProperty<>();
    private final AddResourceForm form = new AddResourceForm();
    private final BooleanProperty adding = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final Map<ResourceId, HeldRow.Listing> queued = new HashMap<>();
    private final ObjectProperty<FormMode> mode = new SimpleObjectProperty<>(FormMode.ADD);
    /** The resource being edited or given a new version. */
    private HeldRow target;
    private final SelectedResourceDetails details;
    private Runnable unsubscribe = () -> {
    };

    public RepositoryViewModel(DesktopResources resources, ResourceRegistry registry, BackgroundTasks tasks,
                               Notifications notices, LongSupplier freshSince) {
        this.resources = resources;
        this.registry = registry;
        this.tasks = tasks;
        this.notices = notices;
        this.freshSince = freshSince;
        this.details = new SelectedResourceDetails(resources, registry, tasks, notices);
        selected.addListener((obs, old, now) -> details.show(now, selected::get));
    }

    public void start() {
        unsubscribe = resources.subscribe(this::onOutbox);
        refresh();
    }

    public void stop() {
        unsubscribe.run();
    }

    private void onOutbox(OutboxEvent event) {
        if (event instanceof OutboxEvent.OperationApplied applied) {
            queued.remove(applied.operation().resource());
            refresh();
        } else if (event instanceof OutboxEvent.OperationDropped dropped) {
            queued.remove(dropped.operation().resource());
            notices.info("A change was dropped", dropped.reason());
            refresh();
        }
    }

    /** Reads the repository and the catalogue entries of this user in the background. */
    public void refresh() {
        long fresh = freshSince.getAsLong();
        tasks.run(() -> {
            List<Resource> held = resources.repository().list();
            Optional<Map<ResourceId, ResourceHit>> listed;
            try {
                Map<ResourceId, ResourceHit> hits = new HashMap<>();
                registry.search(ResourceQuery.all(fresh).withOwner(resources.owner()).withPage(0, ResourceQuery.MAX_LIMIT))
                        .hits().forEach(hit -> hits.put(hit.published().resource().id(), hit));
                listed = Optional.of(hits);
            } catch (RegistryUnavailableException e) {
                listed = Optional.empty();
            }
            return new Snapshot(held, listed);
        }, this::show, error -> notices.error("Your repository could not be read", error));
    }

    private record Snapshot(List<Resource> held, Optional<Map<ResourceId, ResourceHit>> listed) {
    }

    private void show(Snapshot snapshot) {
        ResourceId keep = selected.get() == null ? null : selected.get().resource().id();
        List<HeldRow> fresh = snapshot.held().stream().map(resource -> {
            HeldRow.Listing listing = queued.get(resource.id());
            ResourceHit hit = snapshot.listed().map(m -> m.get(resource.id())).orElse(null);
            if (listing == null) {
                listing = snapshot.listed().isEmpty() ? HeldRow.Listing.UNKNOWN
                        : hit != null ? HeldRow.Listing.PUBLISHED : HeldRow.Listing.PRIVATE;
            }
            return new HeldRow(resource, listing, hit == null ? -1 : hit.holders(),
                    hit == null ? -1 : hit.onlineHolders());
        }).sorted(java.util.Comparator.comparing(HeldRow::title, String.CASE_INSENSITIVE_ORDER)).toList();
        rows.setAll(fresh);
        selected.set(fresh.stream().filter(r -> r.resource().id().equals(keep)).findFirst().orElse(null));
    }

    /** Opens the add form with these files (from drag and drop or the file chooser). */
    public void startAdding(List<Path> files) {
        if (adding.get() && mode.get() == FormMode.NEW_VERSION) {
            form.addFiles(files); // files dropped onto an open new-version form belong to it
            return;
        }
        form.clear();
        mode.set(FormMode.ADD);
        target = null;
        form.addFiles(files);
        adding.set(true);
    }

    /** Opens the form on the metadata of {@code row}; saving replaces it (the files stay as they are). */
    public void startEditing(HeldRow row) {
        form.clear();
        form.fill(row.resource().metadata());
        form.needsFilesProperty().set(false);
        form.publishNowProperty().set(row.listing() != HeldRow.Listing.PRIVATE);
        mode.set(FormMode.EDIT);
        target = row;
        adding.set(true);
    }

    /** Opens the form for a new version of {@code row}: its metadata, a new version label, new files. */
    public void startNewVersion(HeldRow row) {
        form.clear();
        form.fill(row.resource().metadata());
        form.previousVersion(row.resource().id());
        form.versionProperty().set("");
        form.publishNowProperty().set(true);
        mode.set(FormMode.NEW_VERSION);
        target = row;
        adding.set(true);
    }

    /** Reads a .bib file in the background and fills the form from its first entry. */
    public void importBibtexFile(Path file) {
        tasks.run(() -> {
            if (java.nio.file.Files.size(file) > 1_000_000) {
                throw new org.peershelf.protocol.PeerShelfException(file.getFileName()
                        + " is larger than 1 MB; paste the one entry you need instead.");
            }
            return java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        }, text -> {
            form.bibtexProperty().set(text);
            form.importBibtex();
        }, error -> form.error("The file " + file.getFileName() + " could not be read: "
                + org.peershelf.app.desktop.notify.ErrorMessages.describe(error)));
    }

    /** Add, save the edit, or add the new version, as the form's mode says. */
    public void confirm() {
        switch (mode.get()) {
            case ADD -> confirmAdding();
            case EDIT -> confirmEdit();
            case NEW_VERSION -> confirmNewVersion();
        }
    }

    private void confirmEdit() {
        HeldRow row = target;
        Optional<ResourceMetadata> metadata = form.metadata();
        if (row == null || metadata.isEmpty() || busy.get()) {
            return;
        }
        if (metadata.get().equals(row.resource().metadata())) {
            closeForm();
            notices.info("Nothing changed", "The details of \u201C" + row.title() + "\u201D are as they were.");
            return;
        }
        boolean listed = row.listing() != HeldRow.Listing.PRIVATE && row.listing() != HeldRow.Listing.UNPUBLISHING;
        busy.set(true);
        Consumer<Throwable> failed = error -> {
            busy.set(false);
            notices.error("The details could not be saved", error);
        };
        tasks.run(() -> resources.addCorrected(row.resource(), metadata.get()), fresh -> {
            if (listed) {
                // marked before the outbox hears of it, so its "applied" event cannot come first
                queued.put(fresh.id(), HeldRow.Listing.PUBLISHING);
            }
            tasks.run(() -> {
                resources.replace(row.resource(), fresh, listed);
                return fresh;
            }, done -> {
                busy.set(false);
                closeForm();
                notices.info("Details saved", "\u201C" + fresh.metadata().title() + "\u201D"
                        + (listed ? " is listed again with the corrected details." : " is updated on this computer."));
                refresh();
            }, failed);
        }, failed);
    }

    private void confirmNewVersion() {
        HeldRow row = target;
        Optional<ResourceMetadata> metadata = form.metadata();
        if (row == null || metadata.isEmpty() || busy.get()) {
            return;
        }
        String label = metadata.get().version();
        if (label == null) {
            form.error("Give the new version a label, e.g. 2 or 1.1.");
            return;
        }
        if (label.equals(row.resource().metadata().version())) {
            form.error("Version " + label + " is the one you have; give the new one another label.");
            return;
        }
        if (form.files().isEmpty()) {
            form.error("Add the files of the new version.");
            return;
        }
        List<Path> files = List.copyOf(form.files());
        boolean publish = form.publishNowProperty().get();
        busy.set(true);
        addThenPublish(metadata.get(), files, publish, added -> {
            busy.set(false);
            closeForm();
            notices.info("New version added", "Version " + label + " of \u201C" + added.metadata().title()
                    + "\u201D" + (publish ? " is being published." : " stays on this computer until you publish it."));
            refresh();
        }, error -> {
            busy.set(false);
            notices.error("The new version could not be added", error);
        });
    }

    /**
     * Adds in the background, marks the result "publishing…" on the UI thread, then queues the publication: in
     * that order the outbox's "applied" event always finds the mark to clear.
     */
    private void addThenPublish(ResourceMetadata metadata, List<Path> files, boolean publish, Consumer<Resource> done,
                                Consumer<Throwable> failed) {
        tasks.run(() -> resources.repository().add(metadata, files), added -> {
            if (!publish) {
                done.accept(added);
                return;
            }
            queued.put(added.id(), HeldRow.Listing.PUBLISHING);
            tasks.run(() -> {
                resources.publisher().publish(added.id());
                return added;
            }, done, error -> {
                queued.remove(added.id());
                failed.accept(error);
            });
        }, failed);
    }

    private void closeForm() {
        adding.set(false);
        form.clear();
        mode.set(FormMode.ADD);
        target = null;
    }

    public void cancelAdding() {
        closeForm();
    }

    /** Copies the files in (hashing them), then publishes if asked; all off the UI thread. */
    public void confirmAdding() {
        Optional<ResourceMetadata> metadata = form.metadata();
        if (metadata.isEmpty() || form.files().isEmpty() || busy.get()) {
            return;
        }
        List<Path> files = List.copyOf(form.files());
        boolean publish = form.publishNowProperty().get();
        busy.set(true);
        addThenPublish(metadata.get(), files, publish, added -> {
            busy.set(false);
            closeForm();
            notices.info("Added to your repository", "\u201C" + added.metadata().title() + "\u201D"
                    + (publish ? " is being published." : " stays on this computer until you publish it."));
            refresh();
        }, error -> {
            busy.set(false);
            notices.error("The files could not be added", error);
        });
    }

    public void publish(HeldRow row) {
        change(row, HeldRow.Listing.PUBLISHING, () -> resources.publisher().publish(row.resource().id()));
    }

    public void unpublish(HeldRow row) {
        change(row, HeldRow.Listing.UNPUBLISHING, () -> resources.publisher().unpublish(row.resource().id()));
    }

    private void change(HeldRow row, HeldRow.Listing listing, Runnable enqueue) {
        // marked before the outbox hears of it, so its "applied" event cannot come first and leave the mark behind
        queued.put(row.resource().id(), listing);
        replace(row.resource().id(), listing);
        tasks.run(() -> {
            enqueue.run(); // an append to the outbox file: disk work
            return row;
        }, done -> {
        }, error -> {
            queued.remove(row.resource().id());
            notices.error("The change could not be queued", error);
            refresh();
        });
    }

    private void replace(ResourceId id, HeldRow.Listing listing) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).resource().id().equals(id)) {
                HeldRow updated = rows.get(i).with(listing);
                boolean wasSelected = selected.get() != null && selected.get().resource().id().equals(id);
                rows.set(i, updated);
                if (wasSelected) {
                    selected.set(updated);
                }
            }
        }
    }

    public String bibtex(HeldRow row) {
        return BibtexMetadata.toBibtex(row.resource().metadata());
    }

    /** Finds the first file's held copy in the background and hands it to {@code opener} (the system's viewer). */
    public void open(HeldRow row, Consumer<Path> opener) {
        tasks.run(() -> resources.repository().fileOf(row.resource().id(), 0), file -> file.ifPresentOrElse(opener,
                () -> notices.info("Nothing to open", "The held copy of this file is missing or damaged.")),
                error -> notices.error("The file could not be opened", error));
    }

    public ObservableList<HeldRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ObjectProperty<HeldRow> selectedProperty() {
        return selected;
    }

    public AddResourceForm form() {
        return form;
    }

    public ObjectProperty<FormMode> modeProperty() {
        return mode;
    }

    /** The selected resource's versions, oldest first, this one marked. */
    public ObservableList<VersionRow> versions() {
        return details.versions();
    }

    public javafx.beans.property.ReadOnlyStringProperty holdersTextProperty() {
        return details.holdersTextProperty();
    }

    public BooleanProperty addingProperty() {
        return adding;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
