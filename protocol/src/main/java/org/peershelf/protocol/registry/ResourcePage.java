package org.peershelf.protocol.registry;

import java.util.List;

/**
 * One page of search results, newest first.
 *
 * @param total how many resources match in all (for "page 2 of 7")
 */
public record ResourcePage(List<ResourceHit> hits, long total, int offset, int limit) {
    public ResourcePage {
        hits = List.copyOf(hits);
    }

    public boolean hasMore() {
        return offset + hits.size() < total;
    }
}
