package org.peershelf.registry.migration;

import static org.peershelf.registry.migration.SchemaSteps.ensureCollection;
import static org.peershelf.registry.migration.SchemaSteps.ensureIndex;
import static org.peershelf.registry.migration.SchemaSteps.ensureUniqueIndex;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.peershelf.registry.RegistryCollections;
import org.peershelf.registry.mapping.HolderFields;
import org.peershelf.registry.mapping.ResourceFields;
import org.peershelf.registry.mapping.RoomFields;

/** The resource catalogue, who holds what, and the room directory. */
final class M002ResourcesHoldersRooms implements Migration {
    @Override
    public int number() {
        return 2;
    }

    @Override
    public String description() {
        return "resources (unique resourceId; keywords, publishedAt, ownerUserId, type, year), "
                + "holders (unique resourceId+deviceId; deviceId), rooms (unique roomId)";
    }

    @Override
    public void apply(MongoDatabase database) {
        String resources = RegistryCollections.RESOURCES;
        ensureCollection(database, resources);
        ensureUniqueIndex(database, resources, List.of(ResourceFields.RESOURCE_ID));
        // keywords is an array of lower-cased words: a multikey index, our stand-in for $text
        ensureIndex(database, resources, List.of(ResourceFields.KEYWORDS));
        ensureIndex(database, resources, List.of(ResourceFields.PUBLISHED_AT));
        ensureIndex(database, resources, List.of(ResourceFields.OWNER_USER_ID));
        ensureIndex(database, resources, List.of(ResourceFields.TYPE));
        ensureIndex(database, resources, List.of(ResourceFields.YEAR));

        String holders = RegistryCollections.HOLDERS;
        ensureCollection(database, holders);
        // one holder entry per resource and device, so re-announcing what we hold is an upsert
        ensureUniqueIndex(database, holders, List.of(HolderFields.RESOURCE_ID, HolderFields.DEVICE_ID));
        ensureIndex(database, holders, List.of(HolderFields.DEVICE_ID));

        ensureCollection(database, RegistryCollections.ROOMS);
        ensureUniqueIndex(database, RegistryCollections.ROOMS, List.of(RoomFields.ROOM_ID));
    }
}
