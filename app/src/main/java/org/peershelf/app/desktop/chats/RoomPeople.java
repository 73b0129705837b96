package org.peershelf.app.desktop.chats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peershelf.protocol.chat.room.Rooms.RoomSummary;
import org.peershelf.protocol.identity.DeviceId;

/** Members of a room and who could still be invited to it, from what the device knows. Pure. */
final class RoomPeople {
    private RoomPeople() {
    }

    /** The members, the host first, then online ones, then by name. */
    static List<MemberRow> members(RoomSummary room, DeviceId self, Set<DeviceId> online, Map<DeviceId, String> names) {
        return room.members().stream().map(m -> new MemberRow(m, m.equals(self) ? "You" : nameOf(names, m),
                        m.equals(self) || online.contains(m), m.equals(room.host())))
                .sorted(Comparator.comparing((MemberRow r) -> !r.host()).thenComparing(r -> !r.online())
                        .thenComparing(MemberRow::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /**
     * Everyone known and not yet a member: online devices, and offline ones we chatted with or met in other rooms
     * (an offline invitee finds the room in the registry when it starts). Online ones first.
     */
    static List<InviteCandidate> candidates(RoomSummary room, DeviceId self, Set<DeviceId> online,
                                            Collection<DeviceId> known, Map<DeviceId, String> names) {
        Set<DeviceId> everyone = new LinkedHashSet<>(online);
        everyone.addAll(known);
        List<InviteCandidate> out = new ArrayList<>();
        for (DeviceId device : everyone) {
            if (!device.equals(self) && !room.members().contains(device)) {
                out.add(new InviteCandidate(device, nameOf(names, device), online.contains(device)));
            }
        }
        out.sort(Comparator.comparing((InviteCandidate c) -> !c.online())
                .thenComparing(InviteCandidate::name, String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    static String nameOf(Map<DeviceId, String> names, DeviceId device) {
        return names.getOrDefault(device, "device " + device.shortForm());
    }
}
