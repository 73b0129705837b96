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
 * The H2 file under the registry's own store settings (background compaction only below a 50% fill rate): rewriting
 * the same data session after session must not keep what was written.
 */
@Tag("integration")
class H2StoreSettingsTest {
    private static final int DOCUMENTS = 1_000;
    private static final String PAYLOAD = "x".repeat(2_000);

    @TempDir
    Path folder;

    @Test
    void sessionsRewritingTheSameDataDoNotKeepWhatTheyWrote() throws Exception {
        // ~2 MB live; every session rewrites it 5 times (~10 MB of documents written, 40 MB in four). H2 reuses the
        // chunks no version needs (after its 45 s retention, and when it reopens the file). Measured: 4.1-7.9 MB
        // after one session, 11.0-26.3 MB after four (the upper end in a full build on a busy 2-core machine); a
        // store that kept everything would be past 40 MB
        List<Long> sizes = sessions(folder.resolve("registry.mv.db"), H2StoreSettings.DEFAULT, 4);

        assertThat(sizes.get(3)).as("sizes after each session %s", sizes).isLessThan(34_000_000L);
    }

    @Test
    void settingsOutOfRangeAreRejected() {
        assertThatThrownBy(() -> new H2StoreSettings(101, 16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new H2StoreSettings(-1, 16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new H2StoreSettings(50, -1)).isInstanceOf(IllegalArgumentException.class);
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
