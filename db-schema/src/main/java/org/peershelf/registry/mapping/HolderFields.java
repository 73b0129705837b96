package org.peershelf.registry.mapping;

/** Field names of the {@code holders} collection (resource × device that can serve it). */
public final class HolderFields {
    public static final String RESOURCE_ID = "resourceId";
    public static final String DEVICE_ID = "deviceId";

    private HolderFields() {
    }
}
