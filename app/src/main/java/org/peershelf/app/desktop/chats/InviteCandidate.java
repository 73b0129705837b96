package org.peershelf.app.desktop.chats;

import org.peershelf.protocol.identity.DeviceId;

/** Someone who can be invited to the selected room: online now, or known from a chat or another room. */
public record InviteCandidate(DeviceId device, String name, boolean online) {
    public String label() {
        return name + (online ? " — online" : " — offline: joins when back");
    }

    @Override
    public String toString() {
        return label(); // what a ComboBox shows
    }
}
