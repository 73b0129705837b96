package org.peershelf.protocol.resource.explore;

import java.time.Clock;
import java.time.Duration;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.ResourcePage;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.protocol.registry.ResourceRegistry;

/**
 * The Explore view's port: searches the registry with "online" meaning what presence means by it (a heartbeat
 * within {@code staleAfter}), stamped at the moment of the search. Calls the registry on the caller's thread, so
 * the UI calls it from a background task; throws {@link org.peershelf.protocol.registry.RegistryUnavailableException}.
 */
public final class Explore {
    private final ResourceRegistry registry;
    private final Clock clock;
    private final Duration staleAfter;

    public Explore(ResourceRegistry registry, Clock clock, Duration staleAfter) {
        this.registry = registry;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** A query to refine with {@code with…}; its freshness is set again by {@link #search}. */
    public ResourceQuery query() {
        return ResourceQuery.all(freshSince());
    }

    public ResourcePage search(ResourceQuery query) {
        return registry.search(query.withFreshSince(freshSince()));
    }

    public ResourcePage search(String text) {
        return search(query().withText(text));
    }

    /** One user's published resources, newest first. */
    public ResourcePage browse(UserId owner, int offset, int limit) {
        return search(query().withOwner(owner).withPage(offset, limit));
    }

    private long freshSince() {
        return clock.millis() - staleAfter.toMillis();
    }
}
