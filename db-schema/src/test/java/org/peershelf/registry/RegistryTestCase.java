package org.peershelf.registry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * The lifecycle most registry integration tests share: one {@link TestRegistries} per test class, and for every test
 * a database of its own with a {@link MongoRegistry} client on it, closed after the test.
 */
abstract class RegistryTestCase {
    protected static TestRegistries registries;
    protected String database;
    protected MongoRegistry registry;

    @BeforeAll
    static void startRegistry(TestInfo info) {
        registries = TestRegistries.start(info.getTestClass().orElse(RegistryTestCase.class));
    }

    @AfterAll
    static void stopRegistry() {
        registries.close();
    }

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
