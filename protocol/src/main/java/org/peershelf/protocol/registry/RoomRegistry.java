package org.peershelf.protocol.registry;

import java.util.List;
import java.util.Optional;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;

/**
 * The room directory. Every write is one atomic single-document update (no transactions), and the
 * host claim is a compare-and-set on the epoch, so two members that both think they won an election
 * can never both become host. Every method may throw {@link RegistryUnavailableException}.
 */
public interface RoomRegistry {
    /** Inserts the room; a room with the same id already there is left alone (idempotent retry). */
    void createRoom(RoomRecord room);

    Optional<RoomRecord> findRoom(String roomId);

    /** Rooms that list this device as a member (deleted ones included, so their state is known). */
    List<RoomRecord> roomsOf(DeviceId member);

    /**
     * Makes {@code newHost} the host at epoch {@code expectedEpoch + 1}, only if the room is still at
     * {@code expectedEpoch} and not deleted. Returns the room after the claim, or empty if another claim
     * (or a deletion) came first.
     */
    Optional<RoomRecord> claimHost(String roomId, long expectedEpoch, DeviceId newHost);

    void addMember(String roomId, DeviceId member);

    void removeMember(String roomId, DeviceId member);

    /** Marks the room deleted if {@code byUser} created it; returns false (and changes nothing) otherwise. */
    boolean markDeleted(String roomId, UserId byUser);
}
