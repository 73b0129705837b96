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
    /** Migration 5's word index (ResourceWordIndex), replaced and dropped by migration 7: not in {@link #ALL}. */
    public static final String RESOURCE_WORDS = "resourceWords";
    /** The search's own inverted index (ResourceIndex, migration 7). */
    public static final String RESOURCE_INDEX = "resourceIndex";
    public static final String SCHEMA_MIGRATIONS = "schema_migrations";

    public static final List<String> ALL = List.of(USERS, DEVICES, ONLINE_DEVICES, RESOURCES, HOLDERS, ROOMS,
            RESOURCE_INDEX, SCHEMA_MIGRATIONS);

    private RegistryCollections() {
    }
}
