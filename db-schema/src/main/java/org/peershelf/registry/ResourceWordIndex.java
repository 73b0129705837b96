package org.peershelf.registry;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.registry.mapping.ResourceDocuments;
import org.peershelf.registry.mapping.SearchWords;

/**
 * Our own inverted index ({@code resourceWords}), because the embedded registry ignores secondary indexes and
 * answers only lookups by {@code _id} from an index. One document per key, {@code {_id: key, ids: [resource ids in
 * the order they were listed]}}; keys are {@code w:} + the first 3…8 letters of every search word (a query word is
 * a word prefix), {@code a:} + the same of every word of an author name, {@code t:} + a folded tag and {@code u:} + the
 * owner's user id. A list stops growing at {@value #CAP} ids: from then on the key matches too much to help and the
 * search scans instead (decision 0003). Lists are only ever added to, with {@code $addToSet}, so every write is
 * idempotent and a tombstoned resource keeps its entries (search checks the resource documents anyway).
 */
public final class ResourceWordIndex {
    public static final String COLLECTION = RegistryCollections.RESOURCE_WORDS;
    public static final String ID = "_id";
    public static final String IDS = "ids";
    /** true once a list reached {@link #CAP}; its ids are then dropped, as nothing reads them. */
    public static final String FULL = "full";
    /** A list with this many ids is "full": incomplete from then on, never used by search. */
    public static final int CAP = 1_000;
    static final int MIN_PREFIX = 3;
    static final int MAX_PREFIX = 8;
    private static final int WRITE_BATCH = 500;
    private static final int READ_BATCH = 1_000;

    private final MongoCollection<Document> words;

    public ResourceWordIndex(MongoDatabase database) {
        this.words = database.getCollection(COLLECTION);
    }

    /** Adds a resource document (as {@link ResourceDocuments#toDocument} makes it) under all its keys. */
    void add(Document resource) {
        String id = String.valueOf(resource.get(ResourceDocuments.ID));
        List<String> keys = new ArrayList<>(keysOf(resource));
        if (keys.isEmpty()) {
            return;
        }
        Map<String, Document> current = new HashMap<>();
        words.find(in(ID, keys)).forEach(doc -> current.put(String.valueOf(doc.get(ID)), doc));
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (String key : keys) {
            Document doc = current.get(key);
            if (doc != null && Boolean.TRUE.equals(doc.get(FULL))) {
                continue;
            }
            writes.add(doc != null && ids(doc).size() >= CAP ? markFull(key)
                    : new UpdateOneModel<>(eq(ID, key), Updates.addToSet(IDS, id), new UpdateOptions().upsert(true)));
        }
        write(writes);
    }

    /**
     * The ids that can match the query, newest listed first, when some key of it has a usable list; empty when
     * none has (every key full, or the query has no key: a short word or no words at all). The list is a superset
     * of the matches: the caller still applies the whole filter.
     */
    Optional<List<String>> candidates(ResourceQuery query) {
        Set<String> keys = keysOf(query);
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Document> lists = new HashMap<>();
        words.find(in(ID, new ArrayList<>(keys))).forEach(doc -> lists.put(String.valueOf(doc.get(ID)), doc));
        List<List<String>> usable = new ArrayList<>();
        for (String key : keys) {
            Document doc = lists.get(key); // no document: no resource has that key
            List<String> ids = doc == null ? List.of() : ids(doc);
            if ((doc == null || !Boolean.TRUE.equals(doc.get(FULL))) && ids.size() < CAP) {
                usable.add(ids);
            }
        }
        if (usable.isEmpty()) {
            return Optional.empty();
        }
        usable.sort((x, y) -> Integer.compare(x.size(), y.size()));
        List<String> result = new ArrayList<>(usable.get(0));
        for (List<String> other : usable.subList(1, usable.size())) {
            Set<String> keep = new HashSet<>(other);
            result.removeIf(id -> !keep.contains(id));
        }
        java.util.Collections.reverse(result); // lists are in listing order; newest first
        return Optional.of(result);
    }

    /**
     * Builds the index for every resource already listed, in natural (listing) order; what migration 5 does.
     * Idempotent: {@code $addToSet} of ids already there changes nothing.
     */
    public static void rebuild(MongoDatabase database) {
        MongoCollection<Document> resources = database.getCollection(RegistryCollections.RESOURCES);
        Map<String, List<String>> lists = new LinkedHashMap<>();
        resources.find().projection(Projections.include(ResourceDocuments.KEYWORDS, ResourceDocuments.AUTHORS_FOLDED,
                        ResourceDocuments.TAGS_FOLDED, ResourceDocuments.OWNER_USER_ID))
                .batchSize(READ_BATCH) // the embedded server would otherwise answer with one reply over the driver's limit
                .forEach(doc -> {
                    String id = String.valueOf(doc.get(ResourceDocuments.ID));
                    for (String key : keysOf(doc)) {
                        List<String> ids = lists.computeIfAbsent(key, k -> new ArrayList<>());
                        if (ids.size() <= CAP) { // CAP + 1 ids: full
                            ids.add(id);
                        }
                    }
                });
        MongoCollection<Document> words = database.getCollection(COLLECTION);
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : lists.entrySet()) {
            writes.add(e.getValue().size() > CAP ? markFull(e.getKey())
                    : new UpdateOneModel<>(eq(ID, e.getKey()), Updates.addEachToSet(IDS, e.getValue()),
                    new UpdateOptions().upsert(true)));
            if (writes.size() == WRITE_BATCH) {
                bulk(words, writes);
                writes.clear();
            }
        }
        bulk(words, writes);
    }

    private static WriteModel<Document> markFull(String key) {
        return new UpdateOneModel<>(eq(ID, key), Updates.combine(Updates.set(FULL, true), Updates.unset(IDS)),
                new UpdateOptions().upsert(true));
    }

    private void write(List<WriteModel<Document>> writes) {
        for (int i = 0; i < writes.size(); i += WRITE_BATCH) {
            bulk(words, writes.subList(i, Math.min(writes.size(), i + WRITE_BATCH)));
        }
    }

    private static void bulk(MongoCollection<Document> words, List<WriteModel<Document>> writes) {
        if (!writes.isEmpty()) {
            words.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /** The keys a resource document is listed under. */
    static Set<String> keysOf(Document resource) {
        Set<String> keys = new LinkedHashSet<>();
        for (String word : strings(resource.get(ResourceDocuments.KEYWORDS))) {
            addPrefixes("w:", word, keys);
        }
        for (String author : strings(resource.get(ResourceDocuments.AUTHORS_FOLDED))) {
            for (String word : SearchWords.ofQuery(author)) {
                addPrefixes("a:", word, keys);
            }
        }
        for (String tag : strings(resource.get(ResourceDocuments.TAGS_FOLDED))) {
            keys.add("t:" + tag);
        }
        if (resource.get(ResourceDocuments.OWNER_USER_ID) instanceof String owner) {
            keys.add("u:" + owner);
        }
        return keys;
    }

    /** One key per term of the query that the index can answer; each key's list holds every match. */
    static Set<String> keysOf(ResourceQuery q) {
        Set<String> keys = new LinkedHashSet<>();
        for (String word : SearchWords.ofQuery(q.text())) {
            queryKey("w:", word).ifPresent(keys::add);
        }
        if (q.author() != null) {
            // the filter text occurs in a name at a word start, so each of its words begins a word of that name
            for (String word : SearchWords.ofQuery(q.author())) {
                queryKey("a:", word).ifPresent(keys::add);
            }
        }
        if (q.tag() != null) {
            keys.add("t:" + SearchWords.fold(q.tag()));
        }
        if (q.owner() != null) {
            keys.add("u:" + q.owner().value());
        }
        return keys;
    }

    private static Optional<String> queryKey(String kind, String word) {
        return word.length() < MIN_PREFIX ? Optional.empty()
                : Optional.of(kind + word.substring(0, Math.min(word.length(), MAX_PREFIX)));
    }

    private static void addPrefixes(String kind, String word, Set<String> into) {
        for (int n = MIN_PREFIX; n <= Math.min(word.length(), MAX_PREFIX); n++) {
            into.add(kind + word.substring(0, n));
        }
    }

    private static List<String> ids(Document doc) {
        return strings(doc.get(IDS));
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (o instanceof String s) {
                out.add(s);
            }
        }
        return out;
    }
}
