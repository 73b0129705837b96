package org.peershelf.app.desktop.chats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.chat.room.Rooms.RoomSummary;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.DeviceIdentity;

/** Who may do what with a room, and who can be invited: pure rules, no service. */
class RoomPermissionsTest {
    private final DeviceId me = DeviceIdentity.generate().deviceId();
    private final DeviceId grace = DeviceIdentity.generate().deviceId();
    private final DeviceId alan = DeviceIdentity.generate().deviceId();

    private RoomSummary room(DeviceId host, DeviceId creator, boolean deleted, boolean left, List<DeviceId> members) {
        return new RoomSummary("r1", "Reading group", host, 1, members, creator, deleted, false, left, 0, 0);
    }

    @Test
    void deleteIsDisabledWhereThisDeviceDidNotCreateTheRoomEvenWhileHostingIt() {
        RoomPermissions afterFailover = RoomPermissions.of(room(me, grace, false, false, List.of(me, grace)), me);

        assertThat(afterFailover.delete()).isFalse();
        assertThat(afterFailover.invite()).as("the current host invites").isTrue();
        assertThat(afterFailover.deleteHint()).startsWith("Only the person who created this room");
    }

    @Test
    void theCreatorMayDeleteButNotLeaveItsRoom() {
        RoomPermissions mine = RoomPermissions.of(room(me, me, false, false, List.of(me)), me);

        assertThat(mine.delete()).isTrue();
        assertThat(mine.leave()).isFalse();
        assertThat(mine.mute()).isTrue();
    }

    @Test
    void aMemberMayLeaveAndMuteButNotInvite() {
        RoomPermissions member = RoomPermissions.of(room(grace, grace, false, false, List.of(me, grace)), me);

        assertThat(member.leave()).isTrue();
        assertThat(member.mute()).isTrue();
        assertThat(member.invite()).isFalse();
        assertThat(member.delete()).isFalse();
    }

    @Test
    void aDeletedOrLeftRoomAllowsNothing() {
        assertThat(RoomPermissions.of(room(me, me, true, false, List.of(me)), me))
                .extracting(RoomPermissions::invite, RoomPermissions::delete, RoomPermissions::mute)
                .containsOnly(false);
        assertThat(RoomPermissions.of(room(grace, grace, false, true, List.of(me, grace)), me))
                .extracting(RoomPermissions::leave, RoomPermissions::mute).containsOnly(false);
    }

    @Test
    void offlinePeopleWeMetCanBeInvitedAndMembersAreNot() {
        RoomSummary room = room(me, me, false, false, List.of(me, grace));

        List<InviteCandidate> candidates = RoomPeople.candidates(room, me, Set.of(), List.of(grace, alan),
                Map.of(alan, "Alan Turing"));

        assertThat(candidates).containsExactly(new InviteCandidate(alan, "Alan Turing", false));
        assertThat(candidates.get(0).label()).contains("offline");
    }

    @Test
    void membersListTheHostFirstThenWhoIsOnline() {
        RoomSummary room = room(grace, grace, false, false, List.of(alan, me, grace));

        List<MemberRow> members = RoomPeople.members(room, me, Set.of(grace), Map.of(grace, "Grace Hopper",
                alan, "Alan Turing"));

        assertThat(members).extracting(MemberRow::name).containsExactly("Grace Hopper", "You", "Alan Turing");
        assertThat(members.get(0).label()).contains("(host)");
        assertThat(members.get(2).online()).isFalse();
    }
}
