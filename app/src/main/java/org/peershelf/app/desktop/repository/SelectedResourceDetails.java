package org.peershelf.app.desktop.repository;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.peershelf.app.desktop.notify.Notifications;
import org.peershelf.app.desktop.task.BackgroundTasks;
import org.peershelf.protocol.registry.RegistryUnavailableException;
import org.peershelf.protocol.registry.ResourceRegistry;
import org.peershelf.protocol.resource.ResourceId;

/**
 * The details pane's view of the selected held resource: who holds it, and its versions (the chain of
 * "previous version" links both ways, from the repository and, for versions not held here, the registry).
 */
final class SelectedResourceDetails {
    private final DesktopResources resources;
    private final ResourceRegistry registry;
    private final BackgroundTasks tasks;
    private final Notifications notices;
    private final ObservableList<VersionRow> versions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper holdersText = new ReadOnlyStringWrapper("");

    SelectedResourceDetails(DesktopResources resources, ResourceRegistry registry, BackgroundTasks tasks,
                            Notifications notices) {
        this.resources = resources;
        this.registry = registry;
        this.tasks = tasks;
        this.notices = notices;
    }

    /** Shows {@code row}; versions arrive later and are dropped if {@code selected} has moved on meanwhile. */
    void show(HeldRow row, Supplier<HeldRow> selected) {
        if (row == null) {
            versions.clear();
            holdersText.set("");
            return;
        }
        holdersText.set(row.listing() == HeldRow.Listing.UNKNOWN ? "Holders not known: the registry does not answer."
                : row.holders() < 0 ? "Not in the catalogue: only this computer holds it."
                : "Held by " + row.holdersText()
                + (row.onlineHolders() >= 0 ? ", " + row.onlineHolders() + " online now." : "."));
        ResourceId id = row.resource().id();
        tasks.run(() -> VersionRow.chain(resources.repository().list(), row.resource(), previous -> {
            try {
                return registry.findResource(previous).map(p -> p.resource());
            } catch (RegistryUnavailableException e) {
                return Optional.empty();
            }
        }), chain -> {
            HeldRow now = selected.get();
            if (now != null && now.resource().id().equals(id)) {
                versions.setAll(chain);
            }
        }, error -> notices.error("The versions could not be read", error));
    }

    ObservableList<VersionRow> versions() {
        return FXCollections.unmodifiableObservableList(versions);
    }

    ReadOnlyStringProperty holdersTextProperty() {
        return holdersText.getReadOnlyProperty();
    }
}
