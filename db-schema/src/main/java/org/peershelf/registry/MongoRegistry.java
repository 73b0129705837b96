package org.peershelf.registry;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.List;
import java.util.Optional;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.KeyRing;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.DeviceRecord;
import org.peershelf.protocol.registry.OnlineDevice;
import org.peershelf.protocol.registry.PublishedResource;
import org.peershelf.protocol.registry.Registry;
import org.peershelf.protocol.registry.RegistryUnavailableException;
import org.peershelf.protocol.registry.ResourcePage;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.protocol.registry.RoomRecord;
import org.peershelf.protocol.registry.UserRecord;
import org.peershelf.protocol.registry.VoteOutcome;
import org.peershelf.protocol.resource.ResourceId;
import org.peershelf.registry.connection.InvalidRegistryUriException;
import org.peershelf.registry.connection.RegistryClientSettings;
import org.peershelf.registry.connection.RegistryFailures;
import org.peershelf.registry.connection.RegistryUri;
import org.peershelf.registry.mapping.DocumentSignatures;
import org.peershelf.registry.mapping.SignaturePolicy;
import org.peershelf.registry.migration.MigrationRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry port on MongoDB (a real server or the embedded one). {@link #open} connects with short
 * timeouts and runs the pending migrations before returning, so a returned registry has its schema.
 * Every method throws {@link RegistryUnavailableException} (with a message for people) on any driver
 * failure. Thread-safe: one instance per process is enough.
 */
public final class MongoRegistry implements Registry {
    private static final Logger LOG = LoggerFactory.getLogger(MongoRegistry.class);

    private final MongoClient client;
    private final String description;
    private final MongoDirectory directory;
    private final MongoPresence presence;
    private final MongoResources resources;
    private final MongoRooms rooms;

    private final KeyRing keys = new KeyRing();

    private MongoRegistry(MongoClient client, MongoDatabase database, RegistryCalls calls, String description,
                          SignaturePolicy policy) {
        this.client = client;
        this.description = description;
        MalformedDocuments malformed = new MalformedDocuments();
        DocumentSignatures signatures = new DocumentSignatures(keys, policy);
        this.directory = new MongoDirectory(database, calls, malformed, signatures);
        this.presence = new MongoPresence(database, calls, malformed, signatures);
        this.resources = new MongoResources(database, calls, malformed, signatures, directory::cachedDevice);
        this.rooms = new MongoRooms(database, calls, malformed, signatures, directory::cachedDevice);
    }

    /**
     * Opens the database named in the address ({@code mongodb://host/db}), or
     * {@value RegistryUri#DEFAULT_DATABASE}.
     *
     * @throws InvalidRegistryUriException if the address cannot be parsed
     * @throws RegistryUnavailableException if the registry cannot be reached or migrated
     */
    public static MongoRegistry open(String connectionString) {
        return open(connectionString, SignaturePolicy.ACCEPT_UNSIGNED);
    }

    /**
     * Like {@link #open(String)}; with {@link SignaturePolicy#REQUIRED} (the app) readers also ignore
     * unsigned directory and presence documents, not only those whose signature fails.
     */
    public static MongoRegistry open(String connectionString, SignaturePolicy policy) {
        RegistryUri uri = RegistryUri.parse(connectionString);
        return open(uri, uri.databaseOr(RegistryUri.DEFAULT_DATABASE), null, policy);
    }

    /** Like {@link #open(String)}, with an explicit database name. */
    public static MongoRegistry open(String connectionString, String databaseName) {
        return open(RegistryUri.parse(connectionString), databaseName, null);
    }

    /**
     * @param label what {@link #describe()} returns, e.g. "embedded registry on 127.0.0.1:27027";
     *              null for "registry at host:port (database name)"
     */
    public static MongoRegistry open(RegistryUri uri, String databaseName, String label) {
        return open(uri, databaseName, label, SignaturePolicy.ACCEPT_UNSIGNED);
    }

    public static MongoRegistry open(RegistryUri uri, String databaseName, String label, SignaturePolicy policy) {
        MongoClient client;
        try {
            client = MongoClients.create(RegistryClientSettings.failFast(uri));
        } catch (MongoException e) {
            throw RegistryFailures.unavailable(uri.address(), e, null);
        }
        try {
            MongoDatabase database = client.getDatabase(databaseName);
            RegistryCalls calls = new RegistryCalls(client, uri.address());
            List<Integer> applied = calls.call(() -> MigrationRunner.standard().run(database));
            String description = label != null ? label
                    : "registry at " + uri.address() + " (database " + databaseName + ")";
            LOG.info("Opened {}{}", description, applied.isEmpty() ? "" : ", applied migrations " + applied);
            return new MongoRegistry(client, database, calls, description, policy);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    @Override
    public void addSigner(DeviceIdentity identity) {
        keys.add(identity);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void publishUser(UserRecord user) {
        directory.publishUser(user);
    }

    @Override
    public void publishDevice(DeviceRecord device) {
        directory.publishDevice(device);
    }

    @Override
    public Optional<UserRecord> findUser(UserId userId) {
        return directory.findUser(userId);
    }

    @Override
    public Optional<DeviceRecord> findDevice(DeviceId deviceId) {
        return directory.findDevice(deviceId);
    }

    @Override
    public List<UserRecord> findUsers(List<UserId> userIds) {
        return directory.findUsers(userIds);
    }

    @Override
    public void announce(OnlineDevice device) {
        presence.announce(device);
    }

    @Override
    public boolean heartbeat(DeviceId deviceId, long epoch, long nowMillis) {
        return presence.heartbeat(deviceId, epoch, nowMillis);
    }

    @Override
    public void leave(DeviceId deviceId, long epoch) {
        presence.leave(deviceId, epoch);
    }

    @Override
    public List<OnlineDevice> onlineDevices(long freshSinceMillis) {
        return presence.onlineDevices(freshSinceMillis);
    }

    @Override
    public VoteOutcome voteAgainst(DeviceId target, long targetEpoch, DeviceId voter, double ratio,
                                   long freshSinceMillis) {
        return presence.voteAgainst(target, targetEpoch, voter, ratio, freshSinceMillis);
    }

    @Override
    public void withdrawVote(DeviceId target, DeviceId voter) {
        presence.withdrawVote(target, voter);
    }

    @Override
    public void publishResource(PublishedResource resource) {
        resources.publishResource(resource);
    }

    @Override
    public void unpublishResource(ResourceId id) {
        resources.unpublishResource(id);
    }

    @Override
    public Optional<PublishedResource> findResource(ResourceId id) {
        return resources.findResource(id);
    }

    @Override
    public void addHolder(ResourceId id, DeviceId holder, long nowMillis) {
        resources.addHolder(id, holder, nowMillis);
    }

    @Override
    public void removeHolder(ResourceId id, DeviceId holder) {
        resources.removeHolder(id, holder);
    }

    @Override
    public List<DeviceId> holders(ResourceId id) {
        return resources.holders(id);
    }

    @Override
    public List<ResourceId> heldBy(DeviceId device) {
        return resources.heldBy(device);
    }

    @Override
    public ResourcePage search(ResourceQuery query) {
        return resources.search(query);
    }

    @Override
    public void createRoom(RoomRecord room) {
        rooms.createRoom(room);
    }

    @Override
    public Optional<RoomRecord> findRoom(String roomId) {
        return rooms.findRoom(roomId);
    }

    @Override
    public List<RoomRecord> roomsOf(DeviceId member) {
        return rooms.roomsOf(member);
    }

    @Override
    public Optional<RoomRecord> claimHost(String roomId, long expectedEpoch, DeviceId newHost) {
        return rooms.claimHost(roomId, expectedEpoch, newHost);
    }

    @Override
    public void addMember(String roomId, DeviceId member) {
        rooms.addMember(roomId, member);
    }

    @Override
    public void removeMember(String roomId, DeviceId member) {
        rooms.removeMember(roomId, member);
    }

    @Override
    public boolean markDeleted(String roomId, UserId byUser) {
        return rooms.markDeleted(roomId, byUser);
    }

    /** Releases the connection pool. Idempotent. */
    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return description;
    }
}
