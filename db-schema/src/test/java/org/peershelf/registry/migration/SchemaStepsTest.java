package org.peershelf.registry.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peershelf.registry.RegistryServerTestCase;

/** Idempotent schema steps on the embedded registry over the real driver, also when peers run them at once. */
class SchemaStepsTest extends RegistryServerTestCase {
    private static final int PEERS = 4;

    @Test
    void peersDroppingOneCollectionAtOnceAllSucceedAndItIsGone() throws Exception {
        MongoDatabase database = registries.database(registries.newDatabaseName());
        ExecutorService pool = Executors.newFixedThreadPool(PEERS);
        try {
            for (int round = 0; round < 30; round++) {
                database.getCollection("old").insertOne(new Document("round", round));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> drops = new ArrayList<>();
                for (int i = 0; i < PEERS; i++) {
                    drops.add(pool.submit(() -> {
                        start.await();
                        SchemaSteps.dropIfPresent(database, "old");
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> drop : drops) {
                    drop.get(10, TimeUnit.SECONDS); // throws if any peer's drop failed
                }
                assertThat(database.listCollectionNames().into(new ArrayList<>())).doesNotContain("old");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void droppingACollectionThatIsNotThereDoesNothing() {
        MongoDatabase database = registries.database(registries.newDatabaseName());

        SchemaSteps.dropIfPresent(database, "never-made");

        assertThat(database.listCollectionNames().into(new ArrayList<>())).doesNotContain("never-made");
    }
}
