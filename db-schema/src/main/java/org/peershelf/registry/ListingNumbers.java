package org.peershelf.registry;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;

/**
 * Every resource listed in the registry has a listing number: 0, 1, 2, … in the order resources were first listed
 * (natural order, what "newest first" means). The index's posting lists hold these numbers instead of 64-digit ids,
 * and ordering several lists (a union over a year range) is then only comparing numbers. Kept in
 * {@code resourceIndex} next to the postings: {@code #listed} holds the next number, {@code r:<resource id>} a
 * resource's number, {@code m:<number / 256>} the ids of 256 consecutive numbers in fields {@code x<number % 256>}.
 * A number, once given, is never given again nor changed: a resend, an unpublish and a re-listing keep it.
 */
final class ListingNumbers {
    static final String COUNTER_ID = "#listed";
    static final String NUMBER = "n";
    static final int BLOCK = 256;
    private static final String RESOURCE_PREFIX = "r:";
    private static final String MAP_PREFIX = "m:";
    /** The embedded server checks every returned document against the whole {@code $in} list: keep it short. */
    static final int READ_BATCH = 200;
    private static final int CLAIM_ATTEMPTS = 100;

    private final MongoCollection<Document> index;

    ListingNumbers(MongoCollection<Document> index) {
        this.index = index;
    }

    /**
     * The resource's number, given now if it has none. Idempotent: a resource asked for twice, by one peer or by
     * two at once, gets one number ({@code $setOnInsert} decides; a loser's counter value is simply unused).
     */
    int numberOf(String resourceId) {
        String key = RESOURCE_PREFIX + resourceId;
        OptionalInt known = number(key);
        if (known.isPresent()) {
            return known.getAsInt();
        }
        index.updateOne(eq(ResourceIndex.ID, key), Updates.setOnInsert(NUMBER, claimNext()),
                new UpdateOptions().upsert(true));
        return number(key).orElseThrow(() -> new MongoException("the listing number of " + resourceId
                + " was not written"));
    }

    /**
     * The next number, by compare-and-set on the counter: the embedded server's findOneAndUpdate answers with its
     * live document, so three peers incrementing at once were all told the third value (measured).
     */
    private int claimNext() {
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            OptionalInt current = number(COUNTER_ID);
            if (current.isEmpty()) {
                try {
                    index.insertOne(new Document(ResourceIndex.ID, COUNTER_ID).append(NUMBER, 1));
                    return 0;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    continue; // another peer made the counter first
                }
            }
            int n = current.getAsInt();
            if (index.updateOne(and(eq(ResourceIndex.ID, COUNTER_ID), eq(NUMBER, n)), Updates.set(NUMBER, n + 1))
                    .getMatchedCount() == 1) {
                return n;
            }
        }
        throw new MongoException("the listing counter kept changing under " + CLAIM_ATTEMPTS + " attempts");
    }

    private OptionalInt number(String id) {
        Document doc = index.find(eq(ResourceIndex.ID, id)).projection(Projections.include(NUMBER)).first();
        return doc != null && doc.get(NUMBER) instanceof Number n ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
    }

    /** Records that {@code number} is {@code resourceId}, before any posting list holds the number. */
    void map(int number, String resourceId) {
        index.updateOne(eq(ResourceIndex.ID, mapId(number)), Updates.set(mapField(number), resourceId),
                new UpdateOptions().upsert(true));
    }

    /** The numbers given so far (every number is below it); empty when the index was never built. */
    OptionalInt listed() {
        return number(COUNTER_ID);
    }

    /** The resource ids of these numbers; a number not mapped (yet) is left out. */
    Map<Integer, String> resourceIds(Collection<Integer> numbers) {
        Map<String, List<String>> fieldsByBlock = new TreeMap<>();
        for (int n : new TreeSet<>(numbers)) {
            fieldsByBlock.computeIfAbsent(mapId(n), b -> new ArrayList<>()).add(mapField(n));
        }
        Map<Integer, String> ids = new HashMap<>();
        List<String> blocks = new ArrayList<>(fieldsByBlock.keySet());
        for (int i = 0; i < blocks.size(); i += READ_BATCH) {
            List<String> batch = blocks.subList(i, Math.min(blocks.size(), i + READ_BATCH));
            List<String> fields = new ArrayList<>();
            batch.forEach(b -> fields.addAll(fieldsByBlock.get(b)));
            index.find(in(ResourceIndex.ID, batch)).projection(Projections.include(fields)).forEach(doc -> {
                int base = Integer.parseInt(String.valueOf(doc.get(ResourceIndex.ID)).substring(MAP_PREFIX.length()))
                        * BLOCK;
                for (String field : fieldsByBlock.getOrDefault(String.valueOf(doc.get(ResourceIndex.ID)), List.of())) {
                    if (doc.get(field) instanceof String id) {
                        ids.put(base + Integer.parseInt(field.substring(1)), id);
                    }
                }
            });
        }
        return ids;
    }

    /**
     * Numbers resources in the order given (the registry's natural order, tombstones included), for migration 7:
     * the resource at position i gets number i unless it already has one, so two peers migrating at once, or one
     * migrating twice, give the same numbers; the counter is raised to at least the number of resources.
     *
     * @return every given resource's number (its own where it had one)
     */
    Map<String, Integer> numberInOrder(List<String> resourceIds) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (int i = 0; i < resourceIds.size(); i++) {
            writes.add(new UpdateOneModel<>(eq(ResourceIndex.ID, RESOURCE_PREFIX + resourceIds.get(i)),
                    Updates.setOnInsert(NUMBER, i), new UpdateOptions().upsert(true)));
        }
        bulk(writes);
        index.updateOne(eq(ResourceIndex.ID, COUNTER_ID), Updates.max(NUMBER, resourceIds.size()),
                new UpdateOptions().upsert(true));
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < resourceIds.size(); i += READ_BATCH) {
            List<String> keys = resourceIds.subList(i, Math.min(resourceIds.size(), i + READ_BATCH)).stream()
                    .map(id -> RESOURCE_PREFIX + id).toList();
            index.find(in(ResourceIndex.ID, keys)).forEach(doc -> {
                if (doc.get(NUMBER) instanceof Number n) {
                    numbers.put(String.valueOf(doc.get(ResourceIndex.ID)).substring(RESOURCE_PREFIX.length()),
                            n.intValue());
                }
            });
        }
        Map<String, List<org.bson.conversions.Bson>> sets = new TreeMap<>();
        numbers.forEach((id, n) -> sets.computeIfAbsent(mapId(n), b -> new ArrayList<>())
                .add(Updates.set(mapField(n), id)));
        List<WriteModel<Document>> maps = new ArrayList<>();
        sets.forEach((block, updates) -> maps.add(new UpdateOneModel<>(eq(ResourceIndex.ID, block),
                Updates.combine(updates), new UpdateOptions().upsert(true))));
        bulk(maps);
        return numbers;
    }

    private void bulk(List<WriteModel<Document>> writes) {
        for (int i = 0; i < writes.size(); i += ResourceIndex.WRITE_BATCH) {
            index.bulkWrite(writes.subList(i, Math.min(writes.size(), i + ResourceIndex.WRITE_BATCH)),
                    new BulkWriteOptions().ordered(false));
        }
    }

    private static String mapId(int number) {
        return MAP_PREFIX + number / BLOCK;
    }

    private static String mapField(int number) {
        return "x" + number % BLOCK;
    }
}
