package org.peershelf.app.desktop.explore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.peershelf.app.desktop.network.NetworkView;
import org.peershelf.app.desktop.notify.ErrorMessages;
import org.peershelf.app.desktop.task.BackgroundTasks;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.node.NodeEvent;
import org.peershelf.protocol.registry.ResourcePage;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.protocol.registry.ResourceRegistry;
import org.peershelf.protocol.registry.UserRecord;
import org.peershelf.protocol.resource.ResourceType;

/**
 * Explore: a search box with instant results, filters (type, years, author, tag, one user's repository),
 * and the selected result's details. Every change runs a search in the background; only the newest
 * search's answer is shown, so fast typing never shows stale results. Results are searched again when
 * devices come or go, so availability (greyed rows) stays true. UI thread only.
 */
public final class ExploreViewModel {
    private final ResourceRegistry registry;
    private final NetworkView network;
    private final BackgroundTasks tasks;
    private final LongSupplier freshSince;

    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<ResourceType> type = new SimpleObjectProperty<>();
    private final StringProperty yearFrom = new SimpleStringProperty("");
    private final StringProperty yearTo = new SimpleStringProperty("");
    private final StringProperty author = new SimpleStringProperty("");
    private final StringProperty tag = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<UserId> owner = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper ownerName = new ReadOnlyStringWrapper("");
    private final ObservableList<ResultRow> results = FXCollections.observableArrayList();
    private final ObjectProperty<ResultRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final Map<UserId, String> names = new HashMap<>();
    private long generation;
    private Runnable unsubscribe = () -> {
    };

    /** @param freshSince the heartbeat time from which a holder counts as online (now minus the stale interval) */
    public ExploreViewModel(ResourceRegistry registry, NetworkView network, BackgroundTasks tasks, LongSupplier freshSince) {
        this.registry = registry;
        this.network = network;
        this.tasks = tasks;
        this.freshSince = freshSince;
        ChangeListener<Object> rerun = (obs, old, now) -> search();
        text.addListener(rerun);
        type.addListener(rerun);
        yearFrom.addListener(rerun);
        yearTo.addListener(rerun);
        author.addListener(rerun);
        tag.addListener(rerun);
        owner.addListener(rerun);
    }

    public void start() {
        unsubscribe = network.subscribe(event -> {
            if (event instanceof NodeEvent.OnlineViewChanged || event instanceof NodeEvent.RegistryStateChanged state
                    && state.reachable()) {
                search();
            }
        });
        search();
    }

    public void stop() {
        unsubscribe.run();
    }

    /** Shows only the given user's repository; {@code null} for everyone's. */
    public void browse(UserId user, String name) {
        ownerName.set(user == null ? "" : name);
        owner.set(user);
    }

    public void search() {
        ResourceQuery query;
        try {
            query = query();
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        long mine = ++generation;
        status.set("Searching…");
        java.util.Set<UserId> known = java.util.Set.copyOf(names.keySet());
        tasks.run(() -> withOwnerNames(registry.search(query), known), found -> {
            if (mine != generation) {
                return;
            }
            show(found);
        }, error -> {
            if (mine == generation) {
                status.set("Search failed: " + ErrorMessages.describe(error));
            }
        });
    }

    private record Found(ResourcePage page, Map<UserId, String> names) {
    }

    /** In the background: the page, and the names of owners not seen before. */
    private Found withOwnerNames(ResourcePage page, java.util.Set<UserId> known) {
        List<UserId> unknown = page.hits().stream().map(h -> h.published().owner()).distinct()
                .filter(id -> !known.contains(id)).toList();
        Map<UserId, String> found = new HashMap<>();
        if (!unknown.isEmpty()) {
            for (UserRecord user : network.users(unknown)) {
                found.put(user.profile().userId(), user.profile().displayName());
            }
        }
        return new Found(page, found);
    }

    private void show(Found found) {
        names.putAll(found.names());
        ResultRow previous = selected.get();
        List<ResultRow> rows = found.page().hits().stream()
                .map(hit -> new ResultRow(hit, names.getOrDefault(hit.published().owner(), ""))).toList();
        results.setAll(rows);
        selected.set(previous == null ? null : rows.stream()
                .filter(r -> r.resource().id().equals(previous.resource().id())).findFirst().orElse(null));
        long total = found.page().total();
        long online = rows.stream().filter(ResultRow::available).count();
        if (total == 0) {
            status.set(isFiltered() ? "Nothing matches. Try fewer words or filters." : "Nobody has published anything yet.");
        } else {
            status.set(total + (found.page().totalIsExact() ? "" : "+") + (total == 1 ? " result" : " results")
                    + (total > rows.size() ? ", showing the newest " + rows.size() : "")
                    + " · " + online + " available now");
        }
    }

    ResourceQuery query() {
        return ResourceQuery.all(freshSince.getAsLong()).withText(text.get()).withType(type.get())
                .withYears(year(yearFrom.get(), "from"), year(yearTo.get(), "to")).withAuthor(author.get())
                .withTag(tag.get()).withOwner(owner.get());
    }

    private boolean isFiltered() {
        return !text.get().isBlank() || type.get() != null || !yearFrom.get().isBlank() || !yearTo.get().isBlank()
                || !author.get().isBlank() || !tag.get().isBlank() || owner.get() != null;
    }

    private static Integer year(String value, String which) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The year " + which + " must be a number, like 2021.");
        }
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<ResourceType> typeProperty() {
        return type;
    }

    public StringProperty yearFromProperty() {
        return yearFrom;
    }

    public StringProperty yearToProperty() {
        return yearTo;
    }

    public StringProperty authorProperty() {
        return author;
    }

    public StringProperty tagProperty() {
        return tag;
    }

    public ReadOnlyObjectProperty<UserId> ownerProperty() {
        return owner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ownerNameProperty() {
        return ownerName.getReadOnlyProperty();
    }

    public ObservableList<ResultRow> results() {
        return FXCollections.unmodifiableObservableList(results);
    }

    public ObjectProperty<ResultRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
