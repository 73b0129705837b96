package org.peershelf.registry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

/**
 * One {@link TestRegistries} per test class, started before its first test and closed after its last (test classes
 * run one after another, so the static field is never shared by two at once). Tests that open their clients
 * themselves extend this; those that want one plain client per test extend {@link RegistryTestCase}.
 */
public abstract class RegistryServerTestCase {
    protected static TestRegistries registries;

    @BeforeAll
    protected static void startRegistry(TestInfo info) {
        registries = TestRegistries.start(info.getTestClass().orElse(RegistryServerTestCase.class));
    }

    @AfterAll
    protected static void stopRegistry() {
        registries.close();
    }
}
