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
 * opening a file. A queued change shows as "publishing…" until the outbox says it reached the registry.
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
    private Runnable unsubscribe = () -> {
    };

    public RepositoryViewModel(DesktopResources resources, ResourceRegistry registry, BackgroundTasks tasks,
                               Notifications notices, LongSupplier freshSince) {
        this.resources = resources;
        this.registry = registry;
        this.tasks = tasks;
        this.notices = notices;
        this.freshSince = freshSince;
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
            return new HeldRow(resource, listing, hit == null ? -1 : hit.holders());
        }).sorted(java.util.Comparator.comparing(HeldRow::title, String.CASE_INSENSITIVE_ORDER)).toList();
        rows.setAll(fresh);
        selected.set(fresh.stream().filter(r -> r.resource().id().equals(keep)).findFirst().orElse(null));
    }

    /** Opens the add form with these files (from drag and drop or the file chooser). */
    public void startAdding(List<Path> files) {
        form.clear();
        form.addFiles(files);
        adding.set(true);
    }

    public void cancelAdding() {
        adding.set(false);
        form.clear();
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
        tasks.run(() -> {
            Resource added = resources.repository().add(metadata.get(), files);
            if (publish) {
                resources.publisher().publish(added.id());
            }
            return added;
        }, added -> {
            busy.set(false);
            adding.set(false);
            form.clear();
            if (publish) {
                queued.put(added.id(), HeldRow.Listing.PUBLISHING);
            }
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
        tasks.run(() -> {
            enqueue.run(); // an append to the outbox file: disk work
            return row;
        }, done -> {
            queued.put(row.resource().id(), listing);
            replace(row.resource().id(), listing);
        }, error -> notices.error("The change could not be queued", error));
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

    public BooleanProperty addingProperty() {
        return adding;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
