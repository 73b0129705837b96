package org.peershelf.app.desktop.chats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.app.config.AppSettings;
import org.peershelf.app.desktop.network.RuntimeNetworkView;
import org.peershelf.app.desktop.notify.NotificationCenter;
import org.peershelf.app.desktop.task.BackgroundTasks;
import org.peershelf.app.wiring.PeerRuntime;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.chat.ChatEvent;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.registry.Registry;
import org.peershelf.registry.MongoRegistry;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;

/**
 * Chats over the real chat service: this device runs through {@link PeerRuntime} (as in the app), a colleague is a
 * headless peer, both on the embedded registry over TCP. A single thread stands in for the FX thread.
 */
@Tag("integration")
class ChatsViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final NodeConfig FAST = NodeConfig.defaults().withHeartbeat(Duration.ofMillis(500));

    @TempDir
    Path temp;

    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private EmbeddedRegistryServer server;
    private Registry graceRegistry;
    private Peer grace;
    private PeerRuntime ada;
    private ChatsViewModel model;
    private final NotificationCenter notices = new NotificationCenter();

    @BeforeEach
    void start() {
        server = EmbeddedRegistryServer.startInMemory();
        graceRegistry = MongoRegistry.open(server.connectionString());
        grace = new Peer(FAST, temp.resolve("grace"), DeviceIdentity.generate(),
                UserProfile.create("Grace Hopper", "Yale", "Computing"), "grace", graceRegistry, Runnable::run,
                Clock.systemUTC());
        grace.start();
        UserProfile adaProfile = UserProfile.create("Ada Lovelace", "London", "Mathematics");
        ada = PeerRuntime.start(new AppSettings(temp.resolve("ada"), Optional.of(server.connectionString()), 0, FAST),
                adaProfile, DeviceIdentity.generate(), ui);
        model = new ChatsViewModel(ada.peer().chats(), new RuntimeNetworkView(ada, adaProfile),
                new BackgroundTasks(Executors.newSingleThreadExecutor(), ui), notices, ZoneOffset.UTC);
        onUi(model::start);
    }

    @AfterEach
    void stop() {
        ada.close();
        grace.close();
        graceRegistry.close();
        server.close();
        ui.shutdownNow();
    }

    @Test
    void aDirectMessageIsDeliveredAndTheAnswerShowsWithItsSendersName() {
        ConversationRow withGrace = awaitConversation("Grace Hopper");
        onUi(() -> {
            model.selectedProperty().set(withGrace);
            model.draftProperty().set("Have you read the Entscheidungsproblem paper?");
            model.send();
        });

        await().atMost(WAIT).until(() -> read(() -> model.messages().stream()
                .anyMatch(m -> m.mine() && m.mark().equals("\u2713\u2713 delivered"))));
        assertThat(read(() -> model.draftProperty().get())).isEmpty();
        assertThat(grace.chats().direct().history(ada.peer().node().deviceId()))
                .extracting(l -> l.text()).containsExactly("Have you read the Entscheidungsproblem paper?");

        grace.chats().direct().send(ada.peer().node().deviceId(), "Yes, twice.");

        await().atMost(WAIT).until(() -> read(() -> model.messages().stream()
                .anyMatch(m -> !m.mine() && m.text().equals("Yes, twice.") && m.sender().equals("Grace Hopper"))));
        assertThat(read(() -> model.messages().get(0).day())).as("a day separator comes first").isTrue();
    }

    @Test
    void aRoomWeAreInvitedToAppearsAndCarriesOurMessages() {
        awaitConversation("Grace Hopper");
        grace.chats().rooms().create("P2P reading group", List.of(ada.peer().node().deviceId()));

        ConversationRow room = awaitConversation("P2P reading group");
        assertThat(room.detail()).startsWith("hosted by Grace Hopper");
        onUi(() -> {
            model.selectedProperty().set(room);
            model.draftProperty().set("Shall we read Kademlia next?");
            model.send();
        });

        await().atMost(WAIT).until(() -> read(() -> model.messages().stream()
                .anyMatch(m -> m.mine() && m.text().equals("Shall we read Kademlia next?"))));
        await().atMost(WAIT).until(() -> grace.chats().rooms().history(room.roomId()).stream()
                .anyMatch(l -> l.text().equals("Shall we read Kademlia next?")));
    }

    @Test
    void aCreatedRoomIsSelectedHostedHereAndOnlyItsCreatorMayDeleteIt() {
        onUi(() -> {
            model.rooms().newRoomNameProperty().set("Kademlia club");
            model.rooms().createRoom();
        });

        ConversationRow room = awaitConversation("Kademlia club");
        await().atMost(WAIT).until(() -> read(() -> model.selectedProperty().get() != null
                && model.selectedProperty().get().key().equals(room.key())));
        RoomPermissions can = read(() -> model.rooms().permissionsProperty().get());
        assertThat(can.invite()).isTrue();
        assertThat(can.delete()).isTrue();
        assertThat(can.leave()).as("the host cannot leave its own room").isFalse();
        assertThat(read(() -> model.rooms().hostTextProperty().get())).startsWith("You host this room · 1 of 1");
        assertThat(graceRegistry.findRoom(room.roomId())).isPresent();

        onUi(() -> model.rooms().delete());

        await().atMost(WAIT).until(() -> read(() -> model.conversations().stream()
                .anyMatch(c -> c.key().equals(room.key()) && c.readOnly())));
        assertThat(graceRegistry.findRoom(room.roomId()).orElseThrow().deleted()).isTrue();
    }

    @Test
    void aRoomNeedsANameBeforeItIsCreated() {
        onUi(() -> {
            model.rooms().newRoomNameProperty().set("   ");
            model.rooms().createRoom();
        });

        assertThat(read(() -> model.rooms().createErrorProperty().get())).startsWith("Give the room a name");
        assertThat(ada.peer().chats().rooms().list()).isEmpty();
    }

    @Test
    void anOfflineColleagueIsInvitedByDeviceIdAndListedAsAnOfflineMember() {
        awaitConversation("Grace Hopper");
        DeviceId offline = DeviceIdentity.generate().deviceId();
        onUi(() -> {
            model.rooms().newRoomNameProperty().set("Distributed systems seminar");
            model.rooms().createRoom();
        });
        ConversationRow room = awaitConversation("Distributed systems seminar");
        await().atMost(WAIT).until(() -> read(() -> model.rooms().permissionsProperty().get().invite()));
        assertThat(read(() -> model.rooms().candidates())).extracting(InviteCandidate::name).contains("Grace Hopper");

        onUi(() -> {
            model.rooms().inviteDeviceProperty().set("not-a-device");
            model.rooms().invite();
        });
        assertThat(read(() -> model.rooms().inviteErrorProperty().get())).startsWith("A device id is 64 hexadecimal");

        onUi(() -> {
            model.rooms().inviteDeviceProperty().set(offline.value());
            model.rooms().invite();
        });

        await().atMost(WAIT).until(() -> read(() -> model.rooms().members().stream()
                .anyMatch(m -> m.device().equals(offline) && !m.online())));
        assertThat(graceRegistry.findRoom(room.roomId()).orElseThrow().members()).contains(offline);
        assertThat(read(() -> notices.latestProperty().get().text())).contains("is offline");
        assertThat(read(() -> model.rooms().hostTextProperty().get())).endsWith("1 of 2 members online");
    }

    @Test
    void inARoomSomeoneElseCreatedDeleteIsDisabledAndWeCanMuteAndLeave() {
        awaitConversation("Grace Hopper");
        String roomId = grace.chats().rooms().create("P2P reading group", List.of(ada.peer().node().deviceId()));
        ConversationRow room = awaitConversation("P2P reading group");
        onUi(() -> model.selectedProperty().set(room));

        RoomPermissions can = read(() -> model.rooms().permissionsProperty().get());
        assertThat(can.delete()).isFalse();
        assertThat(can.deleteHint()).startsWith("Only the person who created this room");
        assertThat(can.invite()).as("only the host invites").isFalse();
        assertThat(can.leave()).isTrue();
        assertThat(read(() -> model.rooms().hostTextProperty().get())).startsWith("Hosted by Grace Hopper · 2 of 2");
        assertThat(read(() -> model.rooms().members())).extracting(MemberRow::name).containsExactly("Grace Hopper", "You");

        onUi(() -> model.rooms().toggleMute());
        await().atMost(WAIT).until(() -> ada.peer().chats().rooms().summary(roomId).muted());
        await().atMost(WAIT).until(() -> read(() -> model.rooms().mutedProperty().get()));
        onUi(() -> model.rooms().toggleMute());
        await().atMost(WAIT).until(() -> !ada.peer().chats().rooms().summary(roomId).muted());

        onUi(() -> model.rooms().leave());
        await().atMost(WAIT).until(() -> read(() -> model.conversations().stream()
                .anyMatch(c -> c.roomId() != null && c.roomId().equals(roomId) && c.readOnly())));
        await().atMost(WAIT).until(() -> !graceRegistry.findRoom(roomId).orElseThrow().members()
                .contains(ada.peer().node().deviceId()));
    }

    @Test
    void aHostChangeShowsAsANoticeInTheConversation() {
        awaitConversation("Grace Hopper");
        String roomId = grace.chats().rooms().create("Failover drill", List.of(ada.peer().node().deviceId()));
        ConversationRow room = awaitConversation("Failover drill");
        onUi(() -> {
            model.selectedProperty().set(room);
            // what the chat service announces after a failover (the failover itself: ChatFailoverIntegrationTest)
            model.onChat(new ChatEvent.HostChanged(roomId, ada.peer().node().deviceId(), 1));
        });

        await().atMost(WAIT).until(() -> read(() -> model.messages().stream()
                .anyMatch(m -> m.notice() && m.text().startsWith("You now host this room"))));
    }

    private ConversationRow awaitConversation(String title) {
        await().atMost(WAIT).until(() -> read(() -> model.conversations().stream().anyMatch(c -> c.title().equals(title))));
        return read(() -> model.conversations().stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow());
    }

    private void onUi(Runnable action) {
        read(() -> {
            action.run();
            return null;
        });
    }

    private <T> T read(Callable<T> action) {
        try {
            return ui.submit(action).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
