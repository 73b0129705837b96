package org.peershelf.registry;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.peershelf.registry.connection.RegistryClientSettings;
import org.peershelf.registry.connection.RegistryUri;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;

/**
 * Test fixture, exported in db-schema's test-jar for the app's tests: a registry to run integration
 * tests against. By default an in-memory {@link EmbeddedRegistryServer} on loopback, reached over TCP
 * with the real driver; when the environment variable {@value #ENV} holds a MongoDB address, that
 * server instead, with a unique database per {@link #newDatabaseName()} that {@link #close()} drops.
 *
 * <pre>{@code
 * private static TestRegistries registries;
 * @BeforeAll static void start() { registries = TestRegistries.start(MyTest.class); }
 * @AfterAll static void stop() { registries.close(); }
 * @Test void something() { try (MongoRegistry registry = registries.openRegistry()) { ... } }
 * }</pre>
 */
public final class TestRegistries implements AutoCloseable {
    public static final String ENV = "PEERSHELF_TEST_MONGODB_URI";
    private static final int MAX_DATABASE_NAME = 60;

    private final String prefix;
    private final EmbeddedRegistryServer embedded;
    private final String connectionString;
    private final MongoClient client;
    private final List<String> databases = new ArrayList<>();

    private TestRegistries(String prefix, EmbeddedRegistryServer embedded, String connectionString) {
        this.prefix = prefix;
        this.embedded = embedded;
        this.connectionString = connectionString;
        this.client = MongoClients.create(RegistryClientSettings.failFast(RegistryUri.parse(connectionString)));
    }

    public static TestRegistries start(Class<?> testClass) {
        String prefix = "t_" + testClass.getSimpleName().toLowerCase(Locale.ROOT);
        String external = System.getenv(ENV);
        if (external != null && !external.isBlank()) {
            return new TestRegistries(prefix, null, external.strip());
        }
        EmbeddedRegistryServer server = EmbeddedRegistryServer.startInMemory();
        return new TestRegistries(prefix, server, server.connectionString());
    }

    /** True when the tests run against the MongoDB named in {@value #ENV}. */
    public boolean isExternal() {
        return embedded == null;
    }

    public String connectionString() {
        return connectionString;
    }

    /** A database name no other test uses; dropped at {@link #close()}. */
    public synchronized String newDatabaseName() {
        String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String base = prefix.length() > MAX_DATABASE_NAME - 13 ? prefix.substring(0, MAX_DATABASE_NAME - 13) : prefix;
        String name = base + "_" + unique;
        databases.add(name);
        return name;
    }

    /** A migrated registry on a fresh database. */
    public MongoRegistry openRegistry() {
        return openRegistry(newDatabaseName());
    }

    public MongoRegistry openRegistry(String databaseName) {
        return MongoRegistry.open(connectionString, databaseName);
    }

    /** A registry whose readers ignore unsigned documents too, as the app opens it. */
    public MongoRegistry openSigningRegistry(String databaseName) {
        return MongoRegistry.open(org.peershelf.registry.connection.RegistryUri.parse(connectionString), databaseName,
                null, org.peershelf.registry.mapping.SignaturePolicy.REQUIRED);
    }

    /** Direct access for assertions and for writing documents a peer would not write. */
    public MongoDatabase database(String databaseName) {
        return client.getDatabase(databaseName);
    }

    @Override
    public synchronized void close() {
        try {
            if (isExternal()) {
                databases.forEach(name -> client.getDatabase(name).drop());
            }
        } finally {
            client.close();
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
