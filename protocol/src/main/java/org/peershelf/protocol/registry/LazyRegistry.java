package org.peershelf.protocol.registry;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.resource.ResourceId;

/**
 * A registry opened on first use and opened again after a failed attempt, so a device can start while
 * the registry is down: every call before it answers fails with {@link RegistryUnavailableException},
 * which the services already treat as "retry later" or "queue it".
 */
public final class LazyRegistry implements Registry {
    private final Supplier<Registry> opener;
    private final String description;
    private Registry delegate;
    private final java.util.List<org.peershelf.protocol.identity.DeviceIdentity> signers =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public LazyRegistry(Supplier<Registry> opener, String description) {
        this.opener = opener;
        this.description = description;
    }

    private synchronized Registry registry() {
        if (delegate == null) {
            delegate = opener.get();
            signers.forEach(delegate::addSigner);
        }
        return delegate;
    }

    @Override
    public synchronized void addSigner(org.peershelf.protocol.identity.DeviceIdentity identity) {
        signers.add(identity);
        if (delegate != null) {
            delegate.addSigner(identity);
        }
    }

    @Override
    public void warmUp() {
        registry();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void publishUser(UserRecord user) {
        registry().publishUser(user);
    }

    @Override
    public void publishDevice(DeviceRecord device) {
        registry().publishDevice(device);
    }

    @Override
    public Optional<UserRecord> findUser(UserId userId) {
        return registry().findUser(userId);
    }

    @Override
    public Optional<DeviceRecord> findDevice(DeviceId deviceId) {
        return registry().findDevice(deviceId);
    }

    @Override
    public List<UserRecord> findUsers(List<UserId> userIds) {
        return registry().findUsers(userIds);
    }

    @Override
    public void announce(OnlineDevice device) {
        registry().announce(device);
    }

    @Override
    public boolean heartbeat(DeviceId deviceId, long epoch, long nowMillis) {
        return registry().heartbeat(deviceId, epoch, nowMillis);
    }

    @Override
    public void leave(DeviceId deviceId, long epoch) {
        registry().leave(deviceId, epoch);
    }

    @Override
    public List<OnlineDevice> onlineDevices(long freshSinceMillis) {
        return registry().onlineDevices(freshSinceMillis);
    }

    @Override
    public VoteOutcome voteAgainst(DeviceId target, long targetEpoch, DeviceId voter, double ratio, long freshSinceMillis) {
        return registry().voteAgainst(target, targetEpoch, voter, ratio, freshSinceMillis);
    }

    @Override
    public void withdrawVote(DeviceId target, DeviceId voter) {
        registry().withdrawVote(target, voter);
    }

    @Override
    public void publishResource(PublishedResource resource) {
        registry().publishResource(resource);
    }

    @Override
    public void unpublishResource(ResourceId id) {
        registry().unpublishResource(id);
    }

    @Override
    public Optional<PublishedResource> findResource(ResourceId id) {
        return registry().findResource(id);
    }

    @Override
    public void addHolder(ResourceId id, DeviceId holder, long nowMillis) {
        registry().addHolder(id, holder, nowMillis);
    }

    @Override
    public void removeHolder(ResourceId id, DeviceId holder) {
        registry().removeHolder(id, holder);
    }

    @Override
    public List<DeviceId> holders(ResourceId id) {
        return registry().holders(id);
    }

    @Override
    public List<ResourceId> heldBy(DeviceId device) {
        return registry().heldBy(device);
    }

    @Override
    public ResourcePage search(ResourceQuery query) {
        return registry().search(query);
    }

    @Override
    public void createRoom(RoomRecord room) {
        registry().createRoom(room);
    }

    @Override
    public Optional<RoomRecord> findRoom(String roomId) {
        return registry().findRoom(roomId);
    }

    @Override
    public List<RoomRecord> roomsOf(DeviceId member) {
        return registry().roomsOf(member);
    }

    @Override
    public Optional<RoomRecord> claimHost(String roomId, long expectedEpoch, DeviceId newHost) {
        return registry().claimHost(roomId, expectedEpoch, newHost);
    }

    @Override
    public void addMember(String roomId, DeviceId member) {
        registry().addMember(roomId, member);
    }

    @Override
    public void removeMember(String roomId, DeviceId member) {
        registry().removeMember(roomId, member);
    }

    @Override
    public boolean markDeleted(String roomId, UserId byUser) {
        return registry().markDeleted(roomId, byUser);
    }

    @Override
    public synchronized void close() {
        if (delegate != null) {
            delegate.close();
            delegate = null;
        }
    }
}
