package org.peershelf.app.desktop.chats;

import org.peershelf.protocol.identity.DeviceId;

/** A member of the selected room, for the members list: who, whether online, whether hosting now. */
public record MemberRow(DeviceId device, String name, boolean online, boolean host) {
    public String label() {
        return (online ? "\u25CF " : "\u25CB ") + name + (host ? "  (host)" : "") + (online ? "" : "  — offline");
    }
}
