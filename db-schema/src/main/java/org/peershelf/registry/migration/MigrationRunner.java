package org.peershelf.registry.migration;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.peershelf.registry.RegistryCollections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the migrations not yet recorded in {@code schema_migrations}, in order, recording each one
 * after it is applied. The record's {@code _id} is the migration number, so when two peers migrate at
 * once the second insert fails with a duplicate key: the other peer recorded it, which is fine because
 * migrations are idempotent. Driver exceptions propagate to the caller.
 */
public final class MigrationRunner {
    /** The migration number (int32) is the document id. */
    public static final String NUMBER = "_id";
    public static final String DESCRIPTION = "description";
    /** A BSON date: this collection is read by people, not compared with peer clocks. */
    public static final String APPLIED_AT = "appliedAt";

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    private final List<Migration> migrations;
    private final Clock clock;

    public MigrationRunner(List<Migration> migrations, Clock clock) {
        this.migrations = List.copyOf(migrations);
        this.clock = clock;
        int previous = 0;
        for (Migration m : this.migrations) {
            if (m.number() <= previous) {
                throw new IllegalArgumentException("migration numbers must be positive and increasing: "
                        + m.number() + " after " + previous);
            }
            previous = m.number();
        }
    }

    /** The released migrations with the system clock. */
    public static MigrationRunner standard() {
        return new MigrationRunner(Migrations.all(), Clock.systemUTC());
    }

    /** Applies what is missing and returns the numbers this call applied (empty when up to date). */
    public List<Integer> run(MongoDatabase database) {
        MongoCollection<Document> records = database.getCollection(RegistryCollections.SCHEMA_MIGRATIONS);
        Set<Integer> done = applied(database);
        List<Integer> appliedNow = new ArrayList<>();
        for (Migration migration : migrations) {
            if (done.contains(migration.number())) {
                continue;
            }
            migration.apply(database);
            if (record(records, migration)) {
                LOG.info("Applied registry migration {}: {}", migration.number(), migration.description());
            }
            appliedNow.add(migration.number());
        }
        return appliedNow;
    }

    /** The migration numbers recorded in the database (possibly including newer ones than we know). */
    public static Set<Integer> applied(MongoDatabase database) {
        Set<Integer> numbers = new HashSet<>();
        for (Document doc : database.getCollection(RegistryCollections.SCHEMA_MIGRATIONS).find()) {
            if (doc.get(NUMBER) instanceof Number n) {
                numbers.add(n.intValue());
            }
        }
        return numbers;
    }

    private boolean record(MongoCollection<Document> records, Migration migration) {
        Document doc = new Document(NUMBER, migration.number())
                .append(DESCRIPTION, migration.description())
                .append(APPLIED_AT, Date.from(clock.instant()));
        try {
            records.insertOne(doc);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            LOG.info("Registry migration {} was applied by another peer at the same time", migration.number());
            return false;
        }
    }
}
