package org.peershelf.registry.migration;

import static org.peershelf.registry.migration.SchemaSteps.ensureCollection;
import static org.peershelf.registry.migration.SchemaSteps.ensureIndex;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.peershelf.registry.RegistryCollections;
import org.peershelf.registry.mapping.DeviceDocuments;
import org.peershelf.registry.mapping.OnlineDeviceDocuments;

/** Users, devices and the online list. Users and devices are looked up by _id, which needs no index. */
final class M001DirectoryAndPresence implements Migration {
    @Override
    public int number() {
        return 1;
    }

    @Override
    public String description() {
        return "users, devices, online_devices; indexes on devices.ownerUserId, online_devices.lastHeartbeat "
                + "and online_devices.userId";
    }

    @Override
    public void apply(MongoDatabase database) {
        ensureCollection(database, RegistryCollections.USERS);
        ensureCollection(database, RegistryCollections.DEVICES);
        ensureCollection(database, RegistryCollections.ONLINE_DEVICES);
        ensureIndex(database, RegistryCollections.DEVICES, List.of(DeviceDocuments.OWNER_USER_ID));
        // the online list is read as "lastHeartbeat >= now - freshness" on every refresh
        ensureIndex(database, RegistryCollections.ONLINE_DEVICES, List.of(OnlineDeviceDocuments.LAST_HEARTBEAT));
        ensureIndex(database, RegistryCollections.ONLINE_DEVICES, List.of(OnlineDeviceDocuments.USER_ID));
    }
}
