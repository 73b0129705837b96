package org.peershelf.registry;

import java.util.List;

/** Names of the registry's collections; docs/REGISTRY.md describes each. */
public final class RegistryCollections {
    public static final String USERS = "users";
    public static final String DEVICES = "devices";
    public static final String ONLINE_DEVICES = "online_devices";
    public static final String RESOURCES = "resources";
    public static final String HOLDERS = "holders";
    public static final String ROOMS = "rooms";
    /** The search's own inverted index (ResourceWordIndex, migration 5). */
    public static final String RESOURCE_WORDS = "resourceWords";
    public static final String SCHEMA_MIGRATIONS = "schema_migrations";

    public static final List<String> ALL = List.of(USERS, DEVICES, ONLINE_DEVICES, RESOURCES, HOLDERS, ROOMS,
            RESOURCE_WORDS, SCHEMA_MIGRATIONS);

    private RegistryCollections() {
    }
}
