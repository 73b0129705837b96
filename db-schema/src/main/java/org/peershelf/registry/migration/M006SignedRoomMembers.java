package org.peershelf.registry.migration;

import static org.peershelf.registry.migration.SchemaSteps.ensureIndex;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.peershelf.registry.RegistryCollections;
import org.peershelf.registry.mapping.RoomFields;

/** {@code roomsOf} also matches the host-signed member list (a registry user may have edited {@code members}): index it. */
final class M006SignedRoomMembers implements Migration {
    @Override
    public int number() {
        return 6;
    }

    @Override
    public String description() {
        return "rooms: index on signedMembers (the member list the host signed; roomsOf reads it too)";
    }

    @Override
    public void apply(MongoDatabase database) {
        ensureIndex(database, RegistryCollections.ROOMS, List.of(RoomFields.SIGNED_MEMBERS));
    }
}
