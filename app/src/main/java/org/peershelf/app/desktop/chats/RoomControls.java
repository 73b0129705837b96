package org.peershelf.app.desktop.chats;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.peershelf.app.desktop.notify.Notifications;
import org.peershelf.app.desktop.task.BackgroundTasks;
import org.peershelf.protocol.chat.ChatService;
import org.peershelf.protocol.chat.room.Rooms.RoomSummary;
import org.peershelf.protocol.identity.DeviceId;

/**
 * Room management for the Chats tab, through the same {@link ChatService} calls as the CLI's chat console: create a
 * room, invite someone online or offline (from the list, or by pasting a device id), mute/unmute, leave, delete
 * (enabled only on the device that created the room), and the selected room's host and members. Service calls
 * touch disk and registry, so they run in the background. UI thread only.
 */
public final class RoomControls {
    private final ChatService chats;
    private final DeviceId self;
    private final BackgroundTasks tasks;
    private final Notifications notices;
    private final Consumer<String> changed;
    private final StringProperty newRoomName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper createError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RoomSummary> room = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RoomPermissions> permissions = new ReadOnlyObjectWrapper<>(RoomPermissions.NONE);
    private final ReadOnlyBooleanWrapper muted = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper hostText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<MemberRow> members = FXCollections.observableArrayList();
    private final ObservableList<InviteCandidate> candidates = FXCollections.observableArrayList();
    private final ObjectProperty<InviteCandidate> inviteChoice = new SimpleObjectProperty<>();
    private final StringProperty inviteDevice = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper inviteError = new ReadOnlyStringWrapper("");

    /** @param changed told the id of a room that changed (or was created), so the list is read again */
    RoomControls(ChatService chats, DeviceId self, BackgroundTasks tasks, Notifications notices, Consumer<String> changed) {
        this.chats = chats;
        this.self = self;
        this.tasks = tasks;
        this.notices = notices;
        this.changed = changed;
        newRoomName.addListener((obs, old, now) -> createError.set(""));
        inviteDevice.addListener((obs, old, now) -> inviteError.set(""));
    }

    /** Shows the selected room (or none, for a direct chat) with who is online and who is known. */
    void show(RoomSummary selected, Set<DeviceId> online, Collection<DeviceId> known, Map<DeviceId, String> names) {
        room.set(selected);
        if (selected == null) {
            permissions.set(RoomPermissions.NONE);
            muted.set(false);
            hostText.set("");
            members.clear();
            candidates.clear();
            return;
        }
        permissions.set(RoomPermissions.of(selected, self));
        muted.set(selected.muted());
        long up = selected.members().stream().filter(m -> m.equals(self) || online.contains(m)).count();
        hostText.set((self.equals(selected.host()) ? "You host this room" : "Hosted by "
                + RoomPeople.nameOf(names, selected.host())) + " · " + up + " of " + selected.members().size()
                + " members online");
        members.setAll(RoomPeople.members(selected, self, online, names));
        InviteCandidate kept = inviteChoice.get();
        candidates.setAll(RoomPeople.candidates(selected, self, online, known, names));
        inviteChoice.set(kept != null && candidates.contains(kept) ? kept : null);
    }

    /** Creates a room hosted on this device (needs the registry); the new room is then selected. */
    public void createRoom() {
        String name = newRoomName.get().strip();
        if (name.isEmpty()) {
            createError.set("Give the room a name, e.g. \u201CReading group\u201D.");
            return;
        }
        if (name.length() > 200) {
            createError.set("A room name of at most 200 characters, please.");
            return;
        }
        busy.set(true);
        tasks.run(() -> chats.rooms().create(name, List.of()), id -> {
            busy.set(false);
            newRoomName.set("");
            changed.accept(id);
        }, error -> {
            busy.set(false);
            notices.error("The room could not be created", error);
        });
    }

    /** Invites the device pasted into {@link #inviteDeviceProperty()} if any, else the one picked from the list. */
    public void invite() {
        RoomSummary current = room.get();
        if (current == null || !permissions.get().invite()) {
            return;
        }
        String typed = inviteDevice.get().strip().toLowerCase(Locale.ROOT);
        DeviceId device;
        String who;
        if (!typed.isEmpty()) {
            if (!DeviceId.isValid(typed)) {
                inviteError.set("A device id is 64 hexadecimal characters (your colleague finds it on their Peers tab).");
                return;
            }
            device = DeviceId.of(typed);
            if (current.members().contains(device)) {
                inviteError.set("That device is already a member of this room.");
                return;
            }
            who = "device " + device.shortForm();
        } else if (inviteChoice.get() != null) {
            device = inviteChoice.get().device();
            who = inviteChoice.get().name();
        } else {
            inviteError.set("Pick someone to invite, or paste their device id.");
            return;
        }
        boolean online = candidates.stream().anyMatch(c -> c.device().equals(device) && c.online());
        busy.set(true);
        tasks.run(() -> {
            chats.rooms().invite(current.roomId(), device);
            return device;
        }, done -> {
            busy.set(false);
            inviteDevice.set("");
            inviteChoice.set(null);
            notices.info("Invited", who + (online ? " is now a member of \u201C" + current.name() + "\u201D."
                    : " is offline: they find \u201C" + current.name() + "\u201D and its history when they are back."));
            changed.accept(current.roomId());
        }, error -> {
            busy.set(false);
            notices.error("The invitation could not be sent", error);
        });
    }

    public void toggleMute() {
        RoomSummary current = room.get();
        if (current == null || !permissions.get().mute()) {
            return;
        }
        boolean mute = !muted.get();
        act(() -> chats.rooms().mute(current.roomId(), mute), current, mute ? "The room could not be muted"
                : "The room could not be unmuted");
    }

    public void leave() {
        RoomSummary current = room.get();
        if (current == null || !permissions.get().leave()) {
            return;
        }
        act(() -> chats.rooms().leave(current.roomId()), current, "The room could not be left");
    }

    /** Deletes the room for everyone; the button is disabled unless this device created it (the service checks too). */
    public void delete() {
        RoomSummary current = room.get();
        if (current == null || !permissions.get().delete()) {
            return;
        }
        act(() -> chats.rooms().delete(current.roomId()), current, "The room could not be deleted");
    }

    private void act(Runnable call, RoomSummary current, String failure) {
        busy.set(true);
        tasks.run(() -> {
            call.run();
            return current;
        }, done -> {
            busy.set(false);
            changed.accept(current.roomId());
        }, error -> {
            busy.set(false);
            notices.error(failure, error);
        });
    }

    public StringProperty newRoomNameProperty() {
        return newRoomName;
    }

    public ReadOnlyStringProperty createErrorProperty() {
        return createError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RoomSummary> roomProperty() {
        return room.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RoomPermissions> permissionsProperty() {
        return permissions.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty mutedProperty() {
        return muted.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hostTextProperty() {
        return hostText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableList<MemberRow> members() {
        return FXCollections.unmodifiableObservableList(members);
    }

    public ObservableList<InviteCandidate> candidates() {
        return FXCollections.unmodifiableObservableList(candidates);
    }

    public ObjectProperty<InviteCandidate> inviteChoiceProperty() {
        return inviteChoice;
    }

    public StringProperty inviteDeviceProperty() {
        return inviteDevice;
    }

    public ReadOnlyStringProperty inviteErrorProperty() {
        return inviteError.getReadOnlyProperty();
    }
}
