package org.peershelf.app.desktop.chats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.peershelf.app.desktop.network.NetworkView;
import org.peershelf.app.desktop.notify.Notifications;
import org.peershelf.app.desktop.task.BackgroundTasks;
import org.peershelf.protocol.chat.ChatEvent;
import org.peershelf.protocol.chat.ChatService;
import org.peershelf.protocol.chat.ChatWire.RoomLine;
import org.peershelf.protocol.chat.direct.DirectChats.DirectLine;
import org.peershelf.protocol.chat.room.Rooms.RoomSummary;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.OnlineDevice;
import org.peershelf.protocol.registry.RegistryUnavailableException;
import org.peershelf.protocol.registry.UserRecord;

/**
 * Chats: rooms and direct chats (with everyone online and everyone we have a history with), unread
 * counts, the selected conversation with day separators and sent/delivered marks, sending, and a notice
 * when a room changes host. Reads and sends run off the UI thread (the chat logs are on disk). UI thread only.
 */
public final class ChatsViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy");

    private final ChatService chats;
    private final NetworkView network;
    private final BackgroundTasks tasks;
    private final Notifications notices;
    private final ZoneId zone;
    private final ObservableList<ConversationRow> conversations = FXCollections.observableArrayList();
    private final ObservableList<MessageRow> messages = FXCollections.observableArrayList();
    private final ObjectProperty<ConversationRow> selected = new SimpleObjectProperty<>();
    private final StringProperty draft = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper("");
    private final Map<DeviceId, String> names = new HashMap<>();
    /** Direct chats' unread counts, as the service announces them (rooms carry theirs in the summary). */
    private final Map<String, Integer> unreadDirect = new HashMap<>();
    /** Host changes seen this session, per room, shown as notices in the conversation (the log has no such line). */
    private final Map<String, List<HostNotice>> hostNotices = new HashMap<>();
    private final Clock clock;
    private final RoomControls roomControls;
    /** Devices met in direct chats or rooms, for inviting people who are offline now. */
    private Set<DeviceId> metDevices = Set.of();
    private Set<DeviceId> onlineNow = Set.of();
    /** A room to select once the list shows it (one just created). */
    private String selectAfterRefresh;
    private Runnable unsubscribe = () -> {
    };

    public ChatsViewModel(ChatService chats, NetworkView network, BackgroundTasks tasks, Notifications notices, ZoneId zone) {
        this(chats, network, tasks, notices, Clock.system(zone));
    }

    public ChatsViewModel(ChatService chats, NetworkView network, BackgroundTasks tasks, Notifications notices,
                          Clock clock) {
        this.chats = chats;
        this.network = network;
        this.tasks = tasks;
        this.notices = notices;
        this.clock = clock;
        this.zone = clock.getZone();
        this.roomControls = new RoomControls(chats, network.self(), tasks, notices, roomId -> {
            selectAfterRefresh = "room:" + roomId;
            refresh();
        });
        selected.addListener((obs, old, now) -> {
            showRoomControls();
            if (now != null && (old == null || !old.key().equals(now.key()))) {
                loadConversation();
            }
        });
    }

    private record HostNotice(long at, String text) {
    }

    private void showRoomControls() {
        ConversationRow row = selected.get();
        roomControls.show(row == null ? null : row.room(), onlineNow, metDevices, names);
    }

    public void start() {
        Runnable stopChats = chats.subscribe(this::onChat);
        Runnable stopNode = network.subscribe(event -> {
            if (event instanceof org.peershelf.protocol.node.NodeEvent.OnlineViewChanged) {
                refresh();
            }
        });
        unsubscribe = () -> {
            stopChats.run();
            stopNode.run();
        };
        refresh();
    }

    public void stop() {
        unsubscribe.run();
    }

    void onChat(ChatEvent event) {
        if (event instanceof ChatEvent.UnreadChanged unread) {
            unreadDirect.put(unread.conversation(), unread.unread());
        }
        if (event instanceof ChatEvent.HostChanged changed) {
            String who = name(changed.host());
            notices.info("A room changed host", "\u201C" + roomName(changed.roomId()) + "\u201D is now hosted by "
                    + who + ".");
            hostNotices.computeIfAbsent(changed.roomId(), k -> new ArrayList<>()).add(new HostNotice(clock.millis(),
                    (who.equals("you") ? "You now host this room" : who + " now hosts this room")
                            + " (the previous host went away; messages carry on)."));
        }
        refresh();
        ConversationRow current = selected.get();
        if (current != null && concerns(event, current)) {
            loadConversation();
        }
    }

    private static boolean concerns(ChatEvent event, ConversationRow row) {
        if (event instanceof ChatEvent.RoomMessage m) {
            return m.roomId().equals(row.roomId());
        }
        if (event instanceof ChatEvent.RoomSent s) {
            return s.roomId().equals(row.roomId());
        }
        if (event instanceof ChatEvent.HostChanged h) {
            return h.roomId().equals(row.roomId());
        }
        if (event instanceof ChatEvent.DirectReceived r) {
            return r.from().equals(row.peer());
        }
        if (event instanceof ChatEvent.DirectDelivered d) {
            return d.to().equals(row.peer());
        }
        return false;
    }

    /** Rebuilds the list in the background: rooms, then direct chats; owners' names looked up once. */
    public void refresh() {
        List<OnlineDevice> online = network.online();
        Map<DeviceId, String> known = Map.copyOf(names);
        tasks.run(() -> {
            Map<DeviceId, String> found = new HashMap<>(known);
            List<RoomSummary> rooms = chats.rooms().list();
            Set<DeviceId> met = new LinkedHashSet<>(chats.direct().peers());
            rooms.forEach(r -> met.addAll(r.members()));
            met.remove(network.self());
            List<OnlineDevice> unnamed = online.stream().filter(d -> !found.containsKey(d.deviceId())).toList();
            nameOffline(met, online, found);
            if (!unnamed.isEmpty()) {
                Map<org.peershelf.protocol.identity.UserId, String> byUser = new HashMap<>();
                for (UserRecord user : network.users(unnamed.stream().map(OnlineDevice::userId).distinct().toList())) {
                    byUser.put(user.profile().userId(), user.profile().displayName());
                }
                unnamed.forEach(d -> found.put(d.deviceId(), byUser.getOrDefault(d.userId(), "device " + d.deviceId().shortForm())));
            }
            List<ConversationRow> rows = new ArrayList<>();
            for (RoomSummary room : rooms) {
                long membersOnline = room.members().stream().filter(m -> online.stream()
                        .anyMatch(d -> d.deviceId().equals(m)) || m.equals(network.self())).count();
                String detail = room.deleted() ? "deleted by its host; history is read-only"
                        : room.left() ? "left" : "hosted by " + nameIn(found, room.host()) + " · " + membersOnline + " of "
                        + room.members().size() + " members online" + (room.muted() ? " · muted" : "");
                rows.add(new ConversationRow("room:" + room.roomId(), room.name(), room.roomId(), null, room.unread(), detail,
                        room.deleted() || room.left(), room));
            }
            List<DeviceId> peers = new ArrayList<>(chats.direct().peers());
            online.stream().map(OnlineDevice::deviceId).filter(d -> !peers.contains(d)).forEach(peers::add);
            for (DeviceId peer : peers) {
                boolean isOnline = online.stream().anyMatch(d -> d.deviceId().equals(peer));
                rows.add(new ConversationRow("direct:" + peer.value(), nameIn(found, peer), null, peer, 0,
                        isOnline ? "online" : "offline: messages wait until they are back", false, null));
            }
            return new Listing(rows, found, Set.copyOf(met));
        }, listing -> {
            names.putAll(listing.names());
            metDevices = listing.known();
            onlineNow = online.stream().map(OnlineDevice::deviceId).collect(java.util.stream.Collectors.toSet());
            String keep = selectAfterRefresh != null ? selectAfterRefresh
                    : selected.get() == null ? null : selected.get().key();
            conversations.setAll(listing.rows().stream().map(r -> r.isRoom() ? r : new ConversationRow(r.key(), r.title(),
                    null, r.peer(), unreadDirect.getOrDefault(r.key(), 0), r.detail(), r.readOnly(), null)).toList());
            conversations.stream().filter(r -> r.key().equals(keep)).findFirst().ifPresent(r -> {
                if (r.key().equals(selectAfterRefresh)) {
                    selectAfterRefresh = null;
                }
                selected.set(r);
                header.set(r.title() + " — " + r.detail());
            });
            showRoomControls();
        }, error -> notices.error("The chats could not be read", error));
    }

    private record Listing(List<ConversationRow> rows, Map<DeviceId, String> names, Set<DeviceId> known) {
    }

    /**
     * In the background: names of offline people met in chats and rooms, through the registry (device → user);
     * a registry that does not answer leaves them as "device …". Bounded so one refresh stays short.
     */
    private void nameOffline(Set<DeviceId> met, List<OnlineDevice> online, Map<DeviceId, String> found) {
        List<DeviceId> missing = met.stream().filter(d -> !found.containsKey(d))
                .filter(d -> online.stream().noneMatch(o -> o.deviceId().equals(d))).limit(20).toList();
        if (missing.isEmpty()) {
            return;
        }
        try {
            Map<DeviceId, UserId> owners = new HashMap<>();
            for (DeviceId device : missing) {
                network.ownerOf(device).ifPresent(owner -> owners.put(device, owner));
            }
            Map<UserId, String> byUser = new HashMap<>();
            for (UserRecord user : network.users(owners.values().stream().distinct().toList())) {
                byUser.put(user.profile().userId(), user.profile().displayName());
            }
            // a device the registry does not know keeps its short id, and is not looked up again this session
            missing.forEach(device -> found.put(device, owners.containsKey(device) && byUser.containsKey(owners.get(device))
                    ? byUser.get(owners.get(device)) : "device " + device.shortForm()));
        } catch (RegistryUnavailableException e) {
            // names come with the next refresh
        }
    }

    private void loadConversation() {
        ConversationRow row = selected.get();
        header.set(row.title() + " — " + row.detail());
        Map<DeviceId, String> known = Map.copyOf(names);
        List<HostNotice> notes = row.isRoom() ? List.copyOf(hostNotices.getOrDefault(row.roomId(), List.of())) : List.of();
        tasks.run(() -> lines(row, known, notes), loaded -> {
            if (selected.get() != null && selected.get().key().equals(row.key())) {
                messages.setAll(loaded);
            }
        }, error -> notices.error("The conversation could not be read", error));
    }

    /** In the background: the history as rows, and the conversation marked read. */
    private List<MessageRow> lines(ConversationRow row, Map<DeviceId, String> known, List<HostNotice> notes) {
        List<MessageRow> out = new ArrayList<>();
        LocalDate[] lastDay = {null};
        if (row.isRoom()) {
            List<HostNotice> pendingNotices = new ArrayList<>(notes);
            for (RoomLine line : chats.rooms().history(row.roomId())) {
                while (!pendingNotices.isEmpty() && pendingNotices.get(0).at() <= line.sentAt()) {
                    addNotice(out, lastDay, pendingNotices.remove(0));
                }
                addDay(out, lastDay, line.sentAt());
                boolean mine = line.sender().equals(network.self().value());
                out.add(new MessageRow(false, mine ? "You" : nameOf(known, line.sender()), time(line.sentAt()), line.text(),
                        mine ? "\u2713 sent" : "", mine));
            }
            pendingNotices.forEach(n -> addNotice(out, lastDay, n));
            if (!row.readOnly()) {
                chats.rooms().markRead(row.roomId());
            }
        } else {
            for (DirectLine line : chats.direct().history(row.peer())) {
                addDay(out, lastDay, line.sentAt());
                boolean mine = line.from().equals(network.self());
                out.add(new MessageRow(false, mine ? "You" : row.title(), time(line.sentAt()), line.text(),
                        mine ? (line.delivered() ? "\u2713\u2713 delivered" : "\u2713 sent") : "", mine));
            }
            chats.direct().markRead(row.peer());
        }
        return out;
    }

    /** Sends the draft to the selected conversation (Ctrl+Enter); the draft clears once it is on disk. */
    public void send() {
        ConversationRow row = selected.get();
        String text = draft.get().strip();
        if (row == null || text.isEmpty() || row.readOnly()) {
            return;
        }
        tasks.run(() -> row.isRoom() ? chats.rooms().say(row.roomId(), text) : chats.direct().send(row.peer(), text),
                seq -> {
                    if (Objects.equals(draft.get().strip(), text)) {
                        draft.set("");
                    }
                    loadConversation();
                }, error -> notices.error("The message could not be sent", error));
    }

    private void addNotice(List<MessageRow> out, LocalDate[] lastDay, HostNotice notice) {
        addDay(out, lastDay, notice.at());
        out.add(MessageRow.notice(time(notice.at()), notice.text()));
    }

    private void addDay(List<MessageRow> out, LocalDate[] lastDay, long at) {
        LocalDate day = Instant.ofEpochMilli(at).atZone(zone).toLocalDate();
        if (!day.equals(lastDay[0])) {
            out.add(MessageRow.separator(DAY.format(day)));
            lastDay[0] = day;
        }
    }

    private String time(long at) {
        return TIME.format(Instant.ofEpochMilli(at).atZone(zone));
    }

    private static String nameOf(Map<DeviceId, String> known, String deviceHex) {
        return DeviceId.isValid(deviceHex) ? nameIn(known, DeviceId.of(deviceHex)) : deviceHex;
    }

    private String name(DeviceId device) {
        return device.equals(network.self()) ? "you" : nameIn(names, device);
    }

    private static String nameIn(Map<DeviceId, String> known, DeviceId device) {
        return device == null ? "nobody" : known.getOrDefault(device, "device " + device.shortForm());
    }

    private String roomName(String roomId) {
        return conversations.stream().filter(r -> roomId.equals(r.roomId())).map(ConversationRow::title).findFirst()
                .orElse("a room");
    }

    /** Create, invite, mute, leave, delete, and the selected room's host and members. */
    public RoomControls rooms() {
        return roomControls;
    }

    public ObservableList<ConversationRow> conversations() {
        return FXCollections.unmodifiableObservableList(conversations);
    }

    public ObservableList<MessageRow> messages() {
        return FXCollections.unmodifiableObservableList(messages);
    }

    public ObjectProperty<ConversationRow> selectedProperty() {
        return selected;
    }

    public StringProperty draftProperty() {
        return draft;
    }

    public ReadOnlyStringProperty headerProperty() {
        return header.getReadOnlyProperty();
    }
}
