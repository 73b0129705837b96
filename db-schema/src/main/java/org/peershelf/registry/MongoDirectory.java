package org.peershelf.registry;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.DeviceRecord;
import org.peershelf.protocol.registry.UserRecord;
import org.peershelf.registry.mapping.DeviceDocuments;
import org.peershelf.registry.mapping.DocumentSignatures;
import org.peershelf.registry.mapping.UserDocuments;

/** Users and devices: whole-document upserts keyed by id, so publishing is idempotent. */
final class MongoDirectory {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> users;
    private final MongoCollection<Document> devices;
    private final RegistryCalls calls;
    private final MalformedDocuments malformed;
    private final DocumentSignatures signatures;
    private static final int MAX_CACHED_DEVICES = 10_000;
    private final Map<DeviceId, DeviceRecord> verifiedDevices = new java.util.concurrent.ConcurrentHashMap<>();
    private final NewestSeen profileVersions = new NewestSeen();

    MongoDirectory(MongoDatabase database, RegistryCalls calls, MalformedDocuments malformed,
                   DocumentSignatures signatures) {
        this.signatures = signatures;
        this.users = database.getCollection(RegistryCollections.USERS);
        this.devices = database.getCollection(RegistryCollections.DEVICES);
        this.calls = calls;
        this.malformed = malformed;
    }

    void publishUser(UserRecord user) {
        Document doc = signatures.signUser(user, UserDocuments.toDocument(user));
        calls.run(() -> users.replaceOne(eq(UserDocuments.ID, doc.get(UserDocuments.ID)), doc, UPSERT));
    }

    void publishDevice(DeviceRecord device) {
        Document doc = signatures.signDevice(device, DeviceDocuments.toDocument(device));
        calls.run(() -> devices.replaceOne(eq(DeviceDocuments.ID, doc.get(DeviceDocuments.ID)), doc, UPSERT));
    }

    Optional<UserRecord> findUser(UserId userId) {
        Document doc = calls.call(() -> users.find(eq(UserDocuments.ID, userId.value())).first());
        return doc == null ? Optional.empty()
                : malformed.read(RegistryCollections.USERS, doc, this::verifiedUser);
    }

    Optional<DeviceRecord> findDevice(DeviceId deviceId) {
        Document doc = calls.call(() -> devices.find(eq(DeviceDocuments.ID, deviceId.value())).first());
        return doc == null ? Optional.empty()
                : malformed.read(RegistryCollections.DEVICES, doc, signatures::verifiedDevice);
    }

    /** Like {@link #findDevice}, remembering records found: a device's key never changes (its id is the key's hash). */
    Optional<DeviceRecord> cachedDevice(DeviceId deviceId) {
        DeviceRecord known = verifiedDevices.get(deviceId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<DeviceRecord> found = findDevice(deviceId);
        found.ifPresent(d -> {
            if (verifiedDevices.size() < MAX_CACHED_DEVICES) {
                verifiedDevices.put(deviceId, d);
            }
        });
        return found;
    }

    /** Signed by a device of the user, and not older than a version of the profile this client has read. */
    private UserRecord verifiedUser(Document doc) {
        UserRecord user = signatures.verifiedUser(doc, this::cachedDevice);
        if (!profileVersions.accept(user.profile().userId().value(), user.updatedAtMillis())) {
            throw new IllegalArgumentException("it is older than a version already read (a replay)");
        }
        return user;
    }

    /** In the order asked for, each user once, leaving out those not found. */
    List<UserRecord> findUsers(List<UserId> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        List<String> ids = userIds.stream().map(UserId::value).distinct().toList();
        List<Document> docs = calls.call(() -> users.find(in(UserDocuments.ID, ids)).into(new ArrayList<>()));
        Map<String, UserRecord> byId = new LinkedHashMap<>();
        for (Document doc : docs) {
            malformed.read(RegistryCollections.USERS, doc, this::verifiedUser)
                    .ifPresent(user -> byId.put(user.profile().userId().value(), user));
        }
        return ids.stream().filter(byId::containsKey).map(byId::get).toList();
    }
}
