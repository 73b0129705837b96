package org.peershelf.registry;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.peershelf.registry.mapping.ResourceDocuments;
import org.peershelf.registry.mapping.SearchWords;

/**
 * Migration 5's word index ({@code resourceWords}: {@code {_id: key, ids: [up to 1,000 resource ids]}}, a key with
 * more marked {@code full}), kept only so that migration 5 stays what it was when released. Nothing reads or writes
 * it any more: {@link ResourceIndex} (migration 7) replaced it and migration 7 drops the collection (decision
 * 0008).
 */
public final class ResourceWordIndex {
    private static final int CAP = 1_000;
    private static final int WRITE_BATCH = 500;
    private static final int READ_BATCH = 1_000;

    private ResourceWordIndex() {
    }

    /** Builds migration 5's index for every resource already listed. */
    public static void rebuild(MongoDatabase database) {
        MongoCollection<Document> resources = database.getCollection(RegistryCollections.RESOURCES);
        Map<String, List<String>> lists = new LinkedHashMap<>();
        resources.find().projection(Projections.include(ResourceDocuments.KEYWORDS, ResourceDocuments.AUTHORS_FOLDED,
                        ResourceDocuments.TAGS_FOLDED, ResourceDocuments.OWNER_USER_ID))
                .batchSize(READ_BATCH)
                .forEach(doc -> {
                    String id = String.valueOf(doc.get(ResourceDocuments.ID));
                    for (String key : keysOf(doc)) {
                        List<String> ids = lists.computeIfAbsent(key, k -> new ArrayList<>());
                        if (ids.size() <= CAP) {
                            ids.add(id);
                        }
                    }
                });
        MongoCollection<Document> words = database.getCollection(RegistryCollections.RESOURCE_WORDS);
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : lists.entrySet()) {
            writes.add(e.getValue().size() > CAP
                    ? new UpdateOneModel<>(eq("_id", e.getKey()),
                    Updates.combine(Updates.set("full", true), Updates.unset("ids")), new UpdateOptions().upsert(true))
                    : new UpdateOneModel<>(eq("_id", e.getKey()), Updates.addEachToSet("ids", e.getValue()),
                    new UpdateOptions().upsert(true)));
            if (writes.size() == WRITE_BATCH) {
                words.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                writes.clear();
            }
        }
        if (!writes.isEmpty()) {
            words.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    private static Set<String> keysOf(Document resource) {
        Set<String> keys = new LinkedHashSet<>();
        for (String word : IndexKeys.strings(resource.get(ResourceDocuments.KEYWORDS))) {
            addPrefixes("w:", word, keys);
        }
        for (String author : IndexKeys.strings(resource.get(ResourceDocuments.AUTHORS_FOLDED))) {
            for (String word : SearchWords.ofQuery(author)) {
                addPrefixes("a:", word, keys);
            }
        }
        for (String tag : IndexKeys.strings(resource.get(ResourceDocuments.TAGS_FOLDED))) {
            keys.add("t:" + tag);
        }
        if (resource.get(ResourceDocuments.OWNER_USER_ID) instanceof String owner) {
            keys.add("u:" + owner);
        }
        return keys;
    }

    private static void addPrefixes(String kind, String word, Set<String> into) {
        for (int n = 3; n <= Math.min(word.length(), 8); n++) {
            into.add(kind + word.substring(0, n));
        }
    }
}
