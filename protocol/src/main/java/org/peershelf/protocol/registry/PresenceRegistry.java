package org.peershelf.protocol.registry;

import java.util.List;
import org.peershelf.protocol.identity.DeviceId;

/**
 * The online list. Expiry by heartbeat age is done by readers (the embedded registry has no TTL):
 * a device whose last heartbeat is older than {@code freshSinceMillis} counts as offline.
 * Every method may throw {@link RegistryUnavailableException}.
 */
public interface PresenceRegistry {
    /** Puts the device in the online list for a new session epoch, with no voters (replaces any older entry). */
    void announce(OnlineDevice device);

    /**
     * Refreshes the heartbeat of the given session. Returns false if that session is no longer in the
     * online list (voted out or replaced): the caller should announce itself again with a new epoch.
     */
    boolean heartbeat(DeviceId deviceId, long epoch, long nowMillis);

    /** Removes the given session from the online list (a clean exit). No-op if it is already gone. */
    void leave(DeviceId deviceId, long epoch);

    /** Devices whose last heartbeat is at or after {@code freshSinceMillis}. */
    List<OnlineDevice> onlineDevices(long freshSinceMillis);

    /**
     * Records that {@code voter} cannot reach {@code target} in session {@code targetEpoch} (a set: voting
     * twice counts once), then removes the target, conditioned on the same epoch, if
     * {@link VoteArithmetic} says the ratio is passed. Only fresh online devices count as voters.
     */
    VoteOutcome voteAgainst(DeviceId target, long targetEpoch, DeviceId voter, double ratio, long freshSinceMillis);

    /** Takes back {@code voter}'s vote against {@code target}, e.g. after reaching it again. */
    void withdrawVote(DeviceId target, DeviceId voter);
}
