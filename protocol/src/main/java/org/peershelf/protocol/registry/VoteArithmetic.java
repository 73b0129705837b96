package org.peershelf.protocol.registry;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.peershelf.protocol.identity.DeviceId;

/**
 * The disconnect-vote rule, kept in one place so every registry implementation counts alike: only
 * online devices other than the target count, each once; the target goes when
 * {@code voters / other online devices > ratio}.
 */
public final class VoteArithmetic {
    private VoteArithmetic() {
    }

    public static int validVoters(Collection<DeviceId> voters, Collection<DeviceId> online, DeviceId target) {
        Set<DeviceId> valid = new HashSet<>(voters);
        valid.retainAll(new HashSet<>(online));
        valid.remove(target);
        return valid.size();
    }

    public static int otherOnline(Collection<DeviceId> online, DeviceId target) {
        Set<DeviceId> others = new HashSet<>(online);
        others.remove(target);
        return others.size();
    }

    public static boolean passes(int validVoters, int otherOnline, double ratio) {
        return otherOnline > 0 && (double) validVoters / otherOnline > ratio;
    }

    public static VoteOutcome evaluate(Collection<DeviceId> voters, Collection<DeviceId> online, DeviceId target,
                                       double ratio) {
        int valid = validVoters(voters, online, target);
        int others = otherOnline(online, target);
        return new VoteOutcome(true, valid, others, passes(valid, others, ratio));
    }
}
