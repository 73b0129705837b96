package org.peershelf.registry;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.registry.ResourceIndex.Candidates;
import org.peershelf.registry.mapping.ResourceDocuments;

/**
 * The index's candidates that really match, newest first. When the index answers the query exactly, only the
 * candidates ever unpublished are checked (is the document a tombstone?) and only the page's numbers are turned into
 * ids, so a query matching thousands costs a few reads. Otherwise every candidate's filter fields are read by
 * {@code _id} (the embedded server uses its {@code _id} index only for a query on {@code _id} alone, so "these ids and
 * this filter" would scan) and checked here by {@link ResourceMatcher}, {@value #BATCH} at a time, until enough
 * match: that drops the extra of a superset key (a long word, an author's words) too.
 */
final class IndexedMatches {
    /** The embedded server checks each returned document against the whole {@code $in} list: 5 × 200 beat 1 × 1,000 4×. */
    static final int BATCH = ListingNumbers.READ_BATCH;

    private final MongoCollection<Document> resources;
    private final ResourceIndex index;

    IndexedMatches(MongoCollection<Document> resources, ResourceIndex index) {
        this.resources = resources;
        this.index = index;
    }

    /**
     * The matches a search shows.
     *
     * @param total   how many match, counted up to {@code wanted}
     * @param pageIds the ids of the query's page, newest first
     */
    record Found(int total, List<String> pageIds) {
        /** From the ids of the first matches, newest first. */
        static Found of(List<String> ids, ResourceQuery q) {
            return new Found(ids.size(), q.offset() >= ids.size() ? List.of()
                    : ids.subList(q.offset(), Math.min(ids.size(), q.offset() + q.limit())));
        }
    }

    Found find(Candidates candidates, ResourceQuery query, int wanted) {
        if (!candidates.exact()) {
            return Found.of(checked(candidates.numbers(), query, wanted), query);
        }
        List<Integer> live = live(candidates, wanted);
        List<Integer> page = query.offset() >= live.size() ? List.of()
                : live.subList(query.offset(), Math.min(live.size(), query.offset() + query.limit()));
        Map<Integer, String> idOf = index.resourceIds(page);
        return new Found(live.size(), page.stream().map(idOf::get).filter(Objects::nonNull).toList());
    }

    /** The first {@code wanted} candidates, newest first, leaving out those whose documents are tombstones. */
    private List<Integer> live(Candidates candidates, int wanted) {
        BitSet numbers = candidates.numbers();
        List<Integer> live = new ArrayList<>();
        int next = numbers.length() - 1;
        while (next >= 0 && live.size() < wanted) {
            List<Integer> window = new ArrayList<>();
            List<Integer> doubtful = new ArrayList<>();
            for (; next >= 0 && window.size() < wanted - live.size(); next = numbers.previousSetBit(next - 1)) {
                window.add(next);
                if (candidates.gone().get(next)) {
                    doubtful.add(next);
                }
            }
            Set<Integer> dead = tombstones(doubtful);
            window.stream().filter(n -> !dead.contains(n)).forEach(live::add);
        }
        return live;
    }

    /** Of these numbers, those whose document is a tombstone (or missing: never written, as the scan sees it). */
    private Set<Integer> tombstones(List<Integer> numbers) {
        Set<Integer> dead = new HashSet<>(numbers);
        for (int i = 0; i < numbers.size(); i += BATCH) {
            Map<Integer, String> idOf = index.resourceIds(numbers.subList(i, Math.min(numbers.size(), i + BATCH)));
            Set<String> liveIds = new HashSet<>();
            resources.find(in(ResourceDocuments.ID, new ArrayList<>(idOf.values())))
                    .projection(Projections.include(ResourceDocuments.UNPUBLISHED)).forEach(d -> {
                        if (!Boolean.TRUE.equals(d.get(ResourceDocuments.UNPUBLISHED))) {
                            liveIds.add(String.valueOf(d.get(ResourceDocuments.ID)));
                        }
                    });
            idOf.forEach((n, id) -> {
                if (liveIds.contains(id)) {
                    dead.remove(n);
                }
            });
        }
        return dead;
    }

    /** The ids of the first {@code wanted} candidates whose documents match the whole filter, newest first. */
    private List<String> checked(BitSet candidates, ResourceQuery query, int wanted) {
        ResourceMatcher matcher = new ResourceMatcher(query);
        Set<String> ids = new LinkedHashSet<>(); // a set: two numbers of one resource (two peers racing) count once
        int next = candidates.length() - 1;
        while (next >= 0 && ids.size() < wanted) {
            List<Integer> batch = new ArrayList<>(BATCH);
            for (; next >= 0 && batch.size() < BATCH; next = candidates.previousSetBit(next - 1)) {
                batch.add(next);
            }
            Map<Integer, String> idOf = index.resourceIds(batch);
            Map<String, Document> docs = new HashMap<>();
            resources.find(in(ResourceDocuments.ID, new ArrayList<>(idOf.values())))
                    .projection(Projections.include(ResourceMatcher.FIELDS))
                    .forEach(d -> docs.put(String.valueOf(d.get(ResourceDocuments.ID)), d));
            for (int number : batch) {
                Document doc = docs.get(idOf.get(number));
                if (doc != null && matcher.matches(doc) && ids.size() < wanted) {
                    ids.add(idOf.get(number));
                }
            }
        }
        return new ArrayList<>(ids);
    }
}
