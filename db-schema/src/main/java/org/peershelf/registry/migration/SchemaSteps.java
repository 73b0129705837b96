package org.peershelf.registry.migration;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;

/** Idempotent building blocks for migrations. */
public final class SchemaSteps {
    /** MongoDB's NamespaceExists: someone created the collection between our check and our create. */
    private static final int NAMESPACE_EXISTS = 48;

    private SchemaSteps() {
    }

    public static void ensureCollection(MongoDatabase database, String name) {
        if (database.listCollectionNames().into(new ArrayList<>()).contains(name)) {
            return;
        }
        try {
            database.createCollection(name);
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != NAMESPACE_EXISTS) {
                throw e;
            }
        }
    }

    /**
     * Drops a collection if it is there. MongoDB ignores a drop of a missing collection, but the embedded server fails
     * one that races another peer's drop of the same collection ("removedCollection is null"): a failed drop after
     * which the collection is gone is that race, and the collection is dropped as asked.
     */
    public static void dropIfPresent(MongoDatabase database, String name) {
        try {
            database.getCollection(name).drop();
        } catch (MongoCommandException e) {
            if (database.listCollectionNames().into(new ArrayList<>()).contains(name)) {
                throw e;
            }
        }
    }

    /** An ascending index on the given fields (compound if several), named by MongoDB's default rule. */
    public static void ensureIndex(MongoDatabase database, String collection, List<String> fields) {
        database.getCollection(collection).createIndex(ascending(fields));
    }

    public static void ensureUniqueIndex(MongoDatabase database, String collection, List<String> fields) {
        database.getCollection(collection).createIndex(ascending(fields), new IndexOptions().unique(true));
    }

    private static Bson ascending(List<String> fields) {
        return Indexes.ascending(fields);
    }
}
