package org.peershelf.registry;

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
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Every resource listed in the registry has a listing number: 0, 1, 2, … in the order resources were first listed
 * (natural order, what "newest first" means). The index's posting sets hold these numbers instead of 64-digit ids,
 * and ordering several sets (a union over a year range) is then only comparing numbers. Kept in
 * {@code resourceIndex} next to the postings: {@code n:<number>} names the resource of a number (inserting it is
 * what claims the number), {@code r:<resource id>} the number of a resource, and {@code #listed} how many numbers
 * were claimed (raised with {@code $max}). A number, once given, is never given again nor changed: a resend, an
 * unpublish and a re-listing keep it.
 *
 * <p>The same mapping is copied into blocks, {@code m:<number / 64>} with a field {@code i<number % 64>} per number
 * (migration 8), so that a search turns a page of neighbouring numbers into ids with one or two reads instead of one
 * {@code _id} lookup each (on the H2 backend each lookup is a costly B-tree search). The copy is written after the
 * claim; a number missing from its block (a crash in between, or a registry not yet migrated) is read from its
 * {@code n:} document, which stays the authority.
 *
 * <p>Every write is by {@code _id} alone: the embedded server scans the whole collection for a filter with any other
 * field, and its findOneAndUpdate answers with its live document, so four peers incrementing one counter were handed
 * the same value 40 times in 2,000 (measured); claiming by a unique insert has neither problem.
 */
final class ListingNumbers {
    static final String COUNTER_ID = "#listed";
    static final String NUMBER = "n";
    static final String RESOURCE = "r";
    /** The embedded server checks every returned document against the whole {@code $in} list: keep it short. */
    static final int READ_BATCH = 200;
    private static final String RESOURCE_PREFIX = "r:";
    private static final String NUMBER_PREFIX = "n:";
    static final String BLOCK_PREFIX = "m:";
    /** Numbers per block: a page of 50 dense matches is one or two blocks; a block is ~5 KB of ids. */
    static final int BLOCK = 64;
    private static final String SLOT = "i";
    private static final int CLAIM_ATTEMPTS = 1_000;

    private final MongoCollection<Document> index;

    ListingNumbers(MongoCollection<Document> index) {
        this.index = index;
    }

    /**
     * The resource's number, claimed now if it has none. Idempotent: a resource asked for twice, by one peer or by
     * two at once, gets one number ({@code $setOnInsert} on {@code r:<id>} decides; a loser's claimed number names
     * the same resource and holds no postings).
     */
    int numberOf(String resourceId) {
        String key = RESOURCE_PREFIX + resourceId;
        OptionalInt known = number(key);
        if (known.isPresent()) {
            return known.getAsInt();
        }
        index.updateOne(eq(ResourceIndex.ID, key), Updates.setOnInsert(NUMBER, claim(resourceId)),
                new UpdateOptions().upsert(true));
        return number(key).orElseThrow(() -> new MongoException("the listing number of " + resourceId
                + " was not written"));
    }

    /** The resource's number if it has one. */
    OptionalInt numberIfListed(String resourceId) {
        return number(RESOURCE_PREFIX + resourceId);
    }

    /** The next free number, taken by inserting {@code n:<number>}: a duplicate key means another peer took it. */
    private int claim(String resourceId) {
        int next = listed().orElse(0);
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++, next++) {
            try {
                index.insertOne(new Document(ResourceIndex.ID, NUMBER_PREFIX + next).append(RESOURCE, resourceId));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                continue;
            }
            mapInBlock(next, resourceId);
            raiseCount(next + 1);
            return next;
        }
        throw new MongoException("no free listing number after " + CLAIM_ATTEMPTS + " attempts");
    }

    /**
     * Copies one number's resource into its block: a {@code $set} of its own field by {@code _id}, so peers filling
     * one block at once lose nothing. Two first upserts of one block may race to insert it; the loser's retry is an
     * update.
     */
    private void mapInBlock(int number, String resourceId) {
        for (int attempt = 0; ; attempt++) {
            try {
                index.updateOne(eq(ResourceIndex.ID, blockId(number / BLOCK)), Updates.set(slot(number), resourceId),
                        new UpdateOptions().upsert(true));
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || attempt > 0) {
                    throw e;
                }
            }
        }
    }

    /**
     * Copies the mapping of numbers {@code from} (inclusive) to {@code to} (exclusive) from their {@code n:}
     * documents into their blocks, for migration 8. Idempotent: it sets what the {@code n:} documents say.
     */
    void copyIntoBlocks(int from, int to) {
        for (int start = from; start < to; start += READ_BATCH) {
            List<Integer> batch = new ArrayList<>();
            for (int n = start; n < Math.min(to, start + READ_BATCH); n++) {
                batch.add(n);
            }
            writeBlocks(fromNumberDocuments(batch));
        }
    }

    private void writeBlocks(Map<Integer, String> idOf) {
        Map<Integer, List<Bson>> byBlock = new TreeMap<>();
        idOf.forEach((n, id) -> byBlock.computeIfAbsent(n / BLOCK, b -> new ArrayList<>()).add(Updates.set(slot(n), id)));
        List<WriteModel<Document>> writes = new ArrayList<>();
        byBlock.forEach((block, sets) -> writes.add(new UpdateOneModel<>(eq(ResourceIndex.ID, blockId(block)),
                Updates.combine(sets), new UpdateOptions().upsert(true))));
        bulk(writes);
    }

    private static String blockId(int block) {
        return BLOCK_PREFIX + block;
    }

    private static String slot(int number) {
        return SLOT + number % BLOCK;
    }

    private void raiseCount(int count) {
        index.updateOne(eq(ResourceIndex.ID, COUNTER_ID), Updates.max(NUMBER, count), new UpdateOptions().upsert(true));
    }

    /** How many numbers were claimed (every number in a posting set is below it); empty when never built. */
    OptionalInt listed() {
        return number(COUNTER_ID);
    }

    private OptionalInt number(String id) {
        Document doc = index.find(eq(ResourceIndex.ID, id)).projection(Projections.include(NUMBER)).first();
        return doc != null && doc.get(NUMBER) instanceof Number n ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
    }

    /**
     * The resource ids of these numbers; a number not claimed (yet) is left out. Numbers that share a block with
     * another of them are read from their blocks (one read for many), the rest and any missing from a block from
     * their {@code n:} documents.
     */
    Map<Integer, String> resourceIds(Collection<Integer> numbers) {
        Map<Integer, List<Integer>> byBlock = new TreeMap<>();
        numbers.forEach(n -> byBlock.computeIfAbsent(n / BLOCK, b -> new ArrayList<>()).add(n));
        List<String> blockIds = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        byBlock.forEach((block, inBlock) -> {
            if (inBlock.size() > 1) {
                blockIds.add(blockId(block));
                inBlock.forEach(n -> fields.add(slot(n)));
            }
        });
        Map<Integer, String> out = new HashMap<>();
        if (!blockIds.isEmpty()) {
            Bson projection = Projections.include(fields.stream().distinct().toList());
            for (Document doc : read(blockIds, projection)) {
                int block = Integer.parseInt(String.valueOf(doc.get(ResourceIndex.ID)).substring(BLOCK_PREFIX.length()));
                for (int n : byBlock.getOrDefault(block, List.of())) {
                    if (doc.get(slot(n)) instanceof String id) {
                        out.put(n, id);
                    }
                }
            }
        }
        List<Integer> rest = numbers.stream().filter(n -> !out.containsKey(n)).distinct().toList();
        out.putAll(fromNumberDocuments(rest));
        return out;
    }

    private Map<Integer, String> fromNumberDocuments(Collection<Integer> numbers) {
        List<String> ids = numbers.stream().map(n -> NUMBER_PREFIX + n).toList();
        Map<Integer, String> out = new HashMap<>();
        for (Document doc : read(ids)) {
            if (doc.get(RESOURCE) instanceof String id) {
                out.put(Integer.parseInt(String.valueOf(doc.get(ResourceIndex.ID)).substring(NUMBER_PREFIX.length())),
                        id);
            }
        }
        return out;
    }

    /**
     * Numbers resources in the order given (the registry's natural order, tombstones included), for migration 7:
     * the resource at position i gets number i unless it has a number already or another resource holds i (then it
     * claims a new one). Two peers migrating at once, or one migrating twice, give the same numbers.
     *
     * @return every given resource's number
     */
    Map<String, Integer> numberInOrder(List<String> resourceIds) {
        raiseCount(resourceIds.size()); // first, so that peers publishing meanwhile claim numbers after these
        Map<String, Integer> numbers = new HashMap<>();
        for (int from = 0; from < resourceIds.size(); from += READ_BATCH) {
            List<String> batch = resourceIds.subList(from, Math.min(resourceIds.size(), from + READ_BATCH));
            numbers.putAll(numberBatch(batch, from));
        }
        return numbers;
    }

    private Map<String, Integer> numberBatch(List<String> batch, int firstPosition) {
        Map<String, Integer> numbers = known(batch);
        List<WriteModel<Document>> claims = new ArrayList<>();
        List<String> claimIds = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (!numbers.containsKey(batch.get(i))) {
                claimIds.add(NUMBER_PREFIX + (firstPosition + i));
                claims.add(new UpdateOneModel<>(eq(ResourceIndex.ID, NUMBER_PREFIX + (firstPosition + i)),
                        Updates.setOnInsert(RESOURCE, batch.get(i)), new UpdateOptions().upsert(true)));
            }
        }
        bulk(claims);
        Map<String, Integer> claimed = new HashMap<>();
        Map<Integer, String> mapped = new HashMap<>();
        for (Document doc : read(claimIds)) {
            if (doc.get(RESOURCE) instanceof String id) {
                int n = Integer.parseInt(String.valueOf(doc.get(ResourceIndex.ID)).substring(NUMBER_PREFIX.length()));
                claimed.put(id, n);
                mapped.put(n, id); // what the n: document says, whoever won it
            }
        }
        writeBlocks(mapped);
        List<WriteModel<Document>> owners = new ArrayList<>();
        for (String id : batch) {
            if (!numbers.containsKey(id)) {
                int n = claimed.containsKey(id) ? claimed.get(id) : claim(id); // its position was taken: a new number
                owners.add(new UpdateOneModel<>(eq(ResourceIndex.ID, RESOURCE_PREFIX + id), Updates.setOnInsert(NUMBER, n),
                        new UpdateOptions().upsert(true)));
            }
        }
        bulk(owners);
        return known(batch);
    }

    private Map<String, Integer> known(List<String> resourceIds) {
        Map<String, Integer> numbers = new HashMap<>();
        for (Document doc : read(resourceIds.stream().map(id -> RESOURCE_PREFIX + id).toList())) {
            if (doc.get(NUMBER) instanceof Number n) {
                numbers.put(String.valueOf(doc.get(ResourceIndex.ID)).substring(RESOURCE_PREFIX.length()), n.intValue());
            }
        }
        return numbers;
    }

    private List<Document> read(List<String> ids) {
        return read(ids, null);
    }

    private List<Document> read(List<String> ids, Bson projection) {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += READ_BATCH) {
            index.find(in(ResourceIndex.ID, ids.subList(i, Math.min(ids.size(), i + READ_BATCH))))
                    .projection(projection).into(docs);
        }
        return docs;
    }

    private void bulk(List<WriteModel<Document>> writes) {
        for (int i = 0; i < writes.size(); i += ResourceIndex.WRITE_BATCH) {
            index.bulkWrite(writes.subList(i, Math.min(writes.size(), i + ResourceIndex.WRITE_BATCH)),
                    new BulkWriteOptions().ordered(false));
        }
    }
}
