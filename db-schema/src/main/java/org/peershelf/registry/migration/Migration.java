package org.peershelf.registry.migration;

import com.mongodb.client.MongoDatabase;

/**
 * One numbered, append-only step of the registry schema. Once released, a migration is never edited:
 * a change is a new migration with the next number.
 *
 * <p>{@link #apply} must be idempotent: two peers may start against an empty registry at the same time
 * and both apply it, and a crash between applying and recording applies it again at the next start.
 * Creating a collection that exists or an index with the same keys and options are both no-ops, which is
 * why migrations are written in those terms ({@link SchemaSteps}).
 */
public interface Migration {
    /** Positive, unique, and increasing in the order migrations are listed. */
    int number();

    /** One line for schema_migrations and the logs. */
    String description();

    void apply(MongoDatabase database);
}
