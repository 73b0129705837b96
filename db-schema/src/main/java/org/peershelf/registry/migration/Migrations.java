package org.peershelf.registry.migration;

import java.util.List;

/** Every migration of the registry schema, in order. Append here; never edit or reorder a released one. */
public final class Migrations {
    private Migrations() {
    }

    public static List<Migration> all() {
        return List.of(new M001DirectoryAndPresence(), new M002ResourcesHoldersRooms(), new M004RoomMembers(),
                new M005ResourceWordIndex(),
                new M006SignedRoomMembers(), new M007ResourceIndex(), new M008NumberBlocks(),
                new M009LongerWordPrefixes());
    }
}
