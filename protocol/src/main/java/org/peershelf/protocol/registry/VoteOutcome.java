package org.peershelf.protocol.registry;

/**
 * What a disconnect vote did: how many distinct online voters stand against the target now, out of
 * how many other online devices, and whether that passed the ratio and removed the target.
 * {@code targetPresent} is false when the target (in that session) was no longer in the online list.
 */
public record VoteOutcome(boolean targetPresent, int validVoters, int otherOnlineDevices, boolean removed) {
    public static VoteOutcome targetGone() {
        return new VoteOutcome(false, 0, 0, false);
    }
}
