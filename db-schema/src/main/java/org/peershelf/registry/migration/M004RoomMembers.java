package org.peershelf.registry.migration;

import static org.peershelf.registry.migration.SchemaSteps.ensureIndex;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.peershelf.registry.RegistryCollections;
import org.peershelf.registry.mapping.RoomFields;

/** A device finds its rooms after a restart by member ({@code roomsOf}): a multikey index on members. */
final class M004RoomMembers implements Migration {
    @Override
    public int number() {
        return 4;
    }

    @Override
    public String description() {
        return "rooms: index on members (a device's rooms after a restart)";
    }

    @Override
    public void apply(MongoDatabase database) {
        ensureIndex(database, RegistryCollections.ROOMS, List.of(RoomFields.MEMBERS));
    }
}
