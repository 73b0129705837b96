package org.peershelf.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;
import org.peershelf.registry.mapping.DeviceDocuments;
import org.peershelf.registry.mapping.HolderDocuments;
import org.peershelf.registry.mapping.HolderFields;
import org.peershelf.registry.mapping.OnlineDeviceDocuments;
import org.peershelf.registry.mapping.ResourceDocuments;
import org.peershelf.registry.mapping.ResourceFields;
import org.peershelf.registry.mapping.RoomFields;
import org.peershelf.registry.mapping.UserDocuments;
import org.peershelf.registry.migration.Migration;
import org.peershelf.registry.migration.MigrationRunner;
import org.peershelf.registry.migration.Migrations;

/** docs/REGISTRY.md stays true to the code: every collection, field, index and migration is in it. */
class RegistryDocumentationTest {
    private static String doc;

    @BeforeAll
    static void readDoc() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/REGISTRY.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("docs/REGISTRY.md above " + Path.of("").toAbsolutePath()).isNotNull();
        doc = Files.readString(dir.resolve("docs/REGISTRY.md"));
    }

    @Test
    void everyCollectionHasASection() {
        assertThat(RegistryCollections.ALL).allSatisfy(name -> assertThat(doc).contains("### `" + name + "`"));
    }

    @Test
    void everyFieldIsInATable() throws IllegalAccessException {
        List<String> fields = new ArrayList<>();
        for (Class<?> type : List.of(UserDocuments.class, DeviceDocuments.class, OnlineDeviceDocuments.class,
                ResourceFields.class, HolderFields.class, RoomFields.class, MigrationRunner.class,
                ResourceDocuments.class, HolderDocuments.class)) {
            for (Field f : type.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                    fields.add((String) f.get(null));
                }
            }
        }
        assertThat(fields).hasSizeGreaterThan(20)
                .allSatisfy(name -> assertThat(doc).contains("| `" + name + "` |"));
    }

    @Test
    void everyMigrationIsListed() {
        for (Migration m : Migrations.all()) {
            assertThat(doc).contains("| " + m.number() + " | " + m.description() + " |");
        }
    }

    @Test
    void everyIndexIsNamed() {
        try (EmbeddedRegistryServer server = EmbeddedRegistryServer.startInMemory();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("docs");
            MigrationRunner.standard().run(database);
            for (String collection : database.listCollectionNames()) {
                for (Document index : database.getCollection(collection).listIndexes()) {
                    String name = index.getString("name");
                    String expected = name.equals("_id_") ? "`_id`" : "`" + name + "`";
                    assertThat(doc).as(collection + " index " + name).contains(expected);
                }
            }
        }
    }
}
