package org.peershelf.registry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** For every test a database of its own with a plain {@link MongoRegistry} client on it, closed after the test. */
abstract class RegistryTestCase extends RegistryServerTestCase {
    protected String database;
    protected MongoRegistry registry;

    @BeforeEach
    void openRegistry() {
        database = registries.newDatabaseName();
        registry = registries.openRegistry(database);
    }

    @AfterEach
    void closeRegistry() {
        registry.close();
    }
}
