package org.peershelf.registry.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.registry.RegistryCollections;
import org.peershelf.registry.RegistryServerTestCase;

@Tag("integration")
class MigrationRunnerTest extends RegistryServerTestCase {
    private static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");

    private MongoDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = registries.database(registries.newDatabaseName());
    }

    @Test
    void migrationsTwiceChangeNothing() {
        List<Integer> first = runner().run(database);
        Map<String, List<Document>> indexesBefore = indexes();
        List<Document> recordsBefore = records();

        List<Integer> second = runner().run(database);

        assertThat(first).containsExactlyElementsOf(numbers());
        assertThat(second).isEmpty();
        assertThat(indexes()).isEqualTo(indexesBefore);
        assertThat(records()).isEqualTo(recordsBefore);
    }

    @Test
    void everyCollectionExistsAfterMigrating() {
        runner().run(database);

        assertThat(database.listCollectionNames().into(new ArrayList<>()))
                .containsExactlyInAnyOrderElementsOf(RegistryCollections.ALL);
    }

    @Test
    void eachMigrationIsRecordedWithNumberDescriptionAndTime() {
        runner().run(database);

        List<Document> records = records();
        assertThat(records).extracting(d -> d.get(MigrationRunner.NUMBER)).containsExactlyElementsOf(recorded());
        assertThat(records).extracting(d -> d.getString(MigrationRunner.DESCRIPTION))
                .containsExactlyElementsOf(Migrations.all().stream().map(Migration::description).toList());
        assertThat(records).extracting(d -> d.get(MigrationRunner.APPLIED_AT)).containsOnly(Date.from(T0));
    }

    @Test
    void uniqueIndexesRejectDuplicates() {
        runner().run(database);

        assertDuplicateRejected(RegistryCollections.RESOURCES, new Document("resourceId", "r1"));
        assertDuplicateRejected(RegistryCollections.HOLDERS, new Document("resourceId", "r1").append("deviceId", "d1"));
        assertDuplicateRejected(RegistryCollections.ROOMS, new Document("roomId", "room-1"));
        // the compound key is unique as a pair, not per field
        database.getCollection(RegistryCollections.HOLDERS).insertOne(
                new Document("resourceId", "r1").append("deviceId", "d2"));
    }

    @Test
    void appliedMigrationsAreSkippedAndOnlyNewOnesRun() {
        CountingMigration one = new CountingMigration(1);
        CountingMigration two = new CountingMigration(2);
        new MigrationRunner(List.of(one), fixedClock()).run(database);

        List<Integer> applied = new MigrationRunner(List.of(one, two), fixedClock()).run(database);

        assertThat(applied).containsExactly(2);
        assertThat(one.applied.get()).isEqualTo(1);
        assertThat(two.applied.get()).isEqualTo(1);
    }

    @Test
    void recordWrittenMeanwhileByAnotherPeerIsFine() {
        Migration racedByAnotherPeer = new CountingMigration(7) {
            @Override
            public void apply(MongoDatabase db) {
                super.apply(db);
                db.getCollection(RegistryCollections.SCHEMA_MIGRATIONS).insertOne(
                        new Document(MigrationRunner.NUMBER, 7)
                                .append(MigrationRunner.DESCRIPTION, "recorded by the other peer"));
            }
        };

        List<Integer> applied = new MigrationRunner(List.of(racedByAnotherPeer), fixedClock()).run(database);

        assertThat(applied).containsExactly(7);
        assertThat(records()).extracting(d -> d.getString(MigrationRunner.DESCRIPTION))
                .containsExactly("recorded by the other peer");
    }

    @Test
    void twoPeersMigratingAtOnceBothSucceed() throws Exception {
        int peers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(peers);
        try {
            List<Future<List<Integer>>> runs = new ArrayList<>();
            for (int i = 0; i < peers; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return runner().run(database);
                }));
            }
            start.countDown();
            for (Future<List<Integer>> run : runs) {
                assertThat(run.get(30, TimeUnit.SECONDS)).isSubsetOf(numbers());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(records()).extracting(d -> d.get(MigrationRunner.NUMBER)).containsExactlyElementsOf(recorded());
        assertThat(runner().run(database)).isEmpty();
    }

    @Test
    void recordsOfNewerMigrationsAreTolerated() {
        database.getCollection(RegistryCollections.SCHEMA_MIGRATIONS)
                .insertOne(new Document(MigrationRunner.NUMBER, 99)
                        .append(MigrationRunner.DESCRIPTION, "from a newer peer"));

        assertThat(runner().run(database)).containsExactlyElementsOf(numbers());
        assertThat(MigrationRunner.applied(database)).containsAll(numbers()).contains(99).hasSize(numbers().size() + 1);
    }

    @Test
    void migrationNumbersMustIncrease() {
        assertThatThrownBy(() -> new MigrationRunner(List.of(new CountingMigration(2), new CountingMigration(1)),
                fixedClock())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MigrationRunner(List.of(new CountingMigration(0)), fixedClock()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertDuplicateRejected(String collection, Document doc) {
        MongoCollection<Document> c = database.getCollection(collection);
        c.insertOne(new Document(doc));
        assertThatThrownBy(() -> c.insertOne(new Document(doc)))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    private static MigrationRunner runner() {
        return new MigrationRunner(Migrations.all(), fixedClock());
    }

    private static Clock fixedClock() {
        return Clock.fixed(T0, ZoneOffset.UTC);
    }

    private Map<String, List<Document>> indexes() {
        Map<String, List<Document>> byCollection = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            byCollection.put(name, database.getCollection(name).listIndexes().into(new ArrayList<>()));
        }
        return byCollection;
    }

    private List<Document> records() {
        return database.getCollection(RegistryCollections.SCHEMA_MIGRATIONS).find()
                .sort(new Document(MigrationRunner.NUMBER, 1)).into(new ArrayList<>());
    }

    private static class CountingMigration implements Migration {
        final AtomicInteger applied = new AtomicInteger();
        private final int number;

        CountingMigration(int number) {
            this.number = number;
        }

        @Override
        public int number() {
            return number;
        }

        @Override
        public String description() {
            return "counting " + number;
        }

        @Override
        public void apply(MongoDatabase db) {
            applied.incrementAndGet();
        }
    }

    /** The numbers of the standard migrations (every helper appends its own; the tests must not list them). */
    private static List<Integer> numbers() {
        return Migrations.all().stream().map(Migration::number).toList();
    }

    private static List<Object> recorded() {
        return List.copyOf(numbers());
    }
}
