package org.peershelf.registry.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 file under the registry's own store settings: background compaction only below a 50% fill rate, so closing
 * compacts it; rewriting the same data session after session must not keep what was written.
 */
@Tag("integration")
class H2StoreSettingsTest {
    private static final int DOCUMENTS = 1_000;
    private static final String PAYLOAD = "x".repeat(2_000);

    @TempDir
    Path folder;

    @Test
    void theFileKeepsLessThanHalfOfWhatFourSessionsRewroteAndLessThanWithoutCompaction() throws Exception {
        // ~2 MB live; every session rewrites it 5 times (~10 MB written, 40 MB in all). Measured: 4.1, 6.4, 8.7,
        // 13.3 MB with the defaults; 6.6, 11.2, 15.8, 18.7 MB with no compaction at all (H2 still reuses the chunks
        // no version needs when it reopens the file). A session this short is inside H2's 45 s retention time, so
        // close-time compaction is all that shrinks it here.
        List<Long> compacted = sessions(folder.resolve("compacted.mv.db"), H2StoreSettings.DEFAULT, 4);
        List<Long> uncompacted = sessions(folder.resolve("uncompacted.mv.db"), new H2StoreSettings(0, 16, 0), 4);

        assertThat(compacted.get(0)).as("after one session, %s against %s", compacted, uncompacted)
                .isLessThan(uncompacted.get(0));
        assertThat(compacted.get(3)).as("after four sessions, %s against %s", compacted, uncompacted)
                .isLessThan(uncompacted.get(3))
                .isLessThan(20_000_000L);
    }

    @Test
    void settingsOutOfRangeAreRejected() {
        assertThatThrownBy(() -> new H2StoreSettings(101, 16, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new H2StoreSettings(50, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new H2StoreSettings(50, 16, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Each session opens the file, rewrites every document five times, checks it and closes; the sizes after close. */
    private static List<Long> sessions(Path file, H2StoreSettings settings, int count) throws Exception {
        List<Long> sizes = new ArrayList<>();
        for (int session = 0; session < count; session++) {
            try (EmbeddedRegistryServer server = EmbeddedRegistryServer.startOnFile(file, "127.0.0.1", 0, settings);
                 MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
                for (int round = 0; round < 5; round++) {
                    for (int i = 0; i < DOCUMENTS; i++) {
                        docs.updateOne(Filters.eq("_id", "d" + i),
                                Updates.set("v", PAYLOAD + session + ":" + round), new com.mongodb.client.model.UpdateOptions().upsert(true));
                    }
                }
                assertThat(docs.countDocuments()).isEqualTo(DOCUMENTS);
                assertThat(docs.find(Filters.eq("_id", "d7")).first().getString("v")).endsWith(session + ":4");
            }
            sizes.add(Files.size(file));
        }
        return sizes;
    }
}
