package org.peershelf.registry.mapping;

/** Field names of the {@code rooms} collection (room directory) that the schema depends on. */
public final class RoomFields {
    public static final String ROOM_ID = "roomId";

    private RoomFields() {
    }
}
