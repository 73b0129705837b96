package org.peershelf.protocol.registry;

import java.util.List;

/**
 * One page of search results, newest first.
 *
 * @param total        how many resources match in all, or at least this many when {@code totalIsExact} is false
 *                     (counting is cut off at a bound so that a query matching most of a large catalogue stays fast;
 *                     the UI shows "1,000+")
 * @param totalIsExact whether {@code total} is the exact count
 * @param hasMore      whether a next page has results
 */
public record ResourcePage(List<ResourceHit> hits, long total, boolean totalIsExact, int offset, int limit,
                           boolean hasMore) {
    public ResourcePage {
        hits = List.copyOf(hits);
    }
}
