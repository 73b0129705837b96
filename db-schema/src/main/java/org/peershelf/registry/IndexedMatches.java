package org.peershelf.registry;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.registry.mapping.ResourceDocuments;

/**
 * The index's candidates that really match, newest first: their filter fields read by {@code _id} (the embedded
 * server uses its {@code _id} index only for a query on {@code _id} alone, so "these ids and this filter" would
 * scan) and checked here by {@link ResourceMatcher}, {@value #BATCH} at a time, stopping once enough match. This
 * drops tombstones, documents not written yet and the extra of a superset key (a long word, an author's words).
 */
final class IndexedMatches {
    /** The embedded server checks every returned document against the whole {@code $in} list: 200 is ~5× faster than 1,000. */
    static final int BATCH = ListingNumbers.READ_BATCH;

    private final MongoCollection<Document> resources;
    private final ResourceIndex index;

    IndexedMatches(MongoCollection<Document> resources, ResourceIndex index) {
        this.resources = resources;
        this.index = index;
    }

    /** The ids of the first {@code wanted} matches among the candidates (listing numbers), newest first. */
    List<String> first(BitSet candidates, ResourceQuery query, int wanted) {
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
