package org.peershelf.app.desktop.repository;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceId;

/**
 * One version of a resource in the details pane: its label, whether it is the selected one and whether this
 * computer holds it.
 */
public record VersionRow(ResourceId id, String version, boolean current, boolean held) {
    private static final int MAX_STEPS = 50; // a cycle cannot happen with content ids, but metadata comes from peers

    public String label() {
        return (version == null ? "unlabelled" : "version " + version) + (current ? "  (this one)" : "")
                + (held ? "" : "  — not on this computer");
    }

    /**
     * The versions of {@code resource}, oldest first: earlier ones by following "previous version" links (held ones
     * from {@code held}, the others through {@code lookup}, e.g. the registry), later ones from the held resources
     * that point back to it.
     */
    static List<VersionRow> chain(List<Resource> held, Resource resource, Function<ResourceId, Optional<Resource>> lookup) {
        Deque<VersionRow> rows = new ArrayDeque<>();
        rows.add(new VersionRow(resource.id(), resource.metadata().version(), true, true));
        Set<ResourceId> seen = new HashSet<>(Set.of(resource.id()));
        Optional<ResourceId> previous = resource.metadata().previous();
        for (int step = 0; previous.isPresent() && step < MAX_STEPS && seen.add(previous.get()); step++) {
            ResourceId id = previous.get();
            Optional<Resource> local = held.stream().filter(r -> r.id().equals(id)).findFirst();
            Optional<Resource> found = local.isPresent() ? local : lookup.apply(id);
            rows.addFirst(new VersionRow(id, found.map(r -> r.metadata().version()).orElse(null), false, local.isPresent()));
            previous = found.flatMap(r -> r.metadata().previous());
        }
        List<VersionRow> later = new ArrayList<>();
        Deque<ResourceId> frontier = new ArrayDeque<>(List.of(resource.id()));
        while (!frontier.isEmpty() && later.size() < MAX_STEPS) {
            ResourceId from = frontier.poll();
            for (Resource r : held) {
                if (r.metadata().previous().filter(from::equals).isPresent() && seen.add(r.id())) {
                    later.add(new VersionRow(r.id(), r.metadata().version(), false, true));
                    frontier.add(r.id());
                }
            }
        }
        List<VersionRow> out = new ArrayList<>(rows);
        out.addAll(later);
        return out;
    }
}
