package org.peershelf.protocol.resource.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.registry.PublishedResource;
import org.peershelf.protocol.registry.RegistryUnavailableException;
import org.peershelf.protocol.registry.ResourcePage;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.protocol.registry.ResourceRegistry;
import org.peershelf.protocol.resource.ResourceId;

/** An in-memory registry that can be switched off, recording every write it accepted in order. */
final class FlakyResourceRegistry implements ResourceRegistry {
    private final Map<ResourceId, PublishedResource> resources = new LinkedHashMap<>();
    private final Map<ResourceId, Set<DeviceId>> holders = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();
    private volatile boolean down;
    private final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();

    void setDown(boolean value) {
        down = value;
    }

    /** Calls refused while down. */
    int refused() {
        return refused.get();
    }

    synchronized List<String> log() {
        return List.copyOf(log);
    }

    private void check() {
        if (down) {
            refused.incrementAndGet();
            throw new RegistryUnavailableException("The registry is down (test).", null);
        }
    }

    @Override
    public synchronized void publishResource(PublishedResource r) {
        check();
        resources.put(r.resource().id(), r);
        log.add("publish " + r.resource().metadata().title());
    }

    @Override
    public synchronized void unpublishResource(ResourceId id) {
        check();
        PublishedResource r = resources.remove(id);
        log.add("unpublish " + (r == null ? id.shortForm() : r.resource().metadata().title()));
    }

    @Override
    public synchronized Optional<PublishedResource> findResource(ResourceId id) {
        check();
        return Optional.ofNullable(resources.get(id));
    }

    @Override
    public synchronized void addHolder(ResourceId id, DeviceId holder, long nowMillis) {
        check();
        holders.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(holder);
        log.add("hold " + holder.shortForm());
    }

    @Override
    public synchronized void removeHolder(ResourceId id, DeviceId holder) {
        check();
        holders.getOrDefault(id, new LinkedHashSet<>()).remove(holder);
        log.add("unhold " + holder.shortForm());
    }

    @Override
    public synchronized List<DeviceId> holders(ResourceId id) {
        check();
        return List.copyOf(holders.getOrDefault(id, Set.of()));
    }

    @Override
    public synchronized List<ResourceId> heldBy(DeviceId device) {
        check();
        return holders.entrySet().stream().filter(e -> e.getValue().contains(device)).map(Map.Entry::getKey).toList();
    }

    @Override
    public ResourcePage search(ResourceQuery query) {
        throw new UnsupportedOperationException("not needed by the publisher");
    }
}
