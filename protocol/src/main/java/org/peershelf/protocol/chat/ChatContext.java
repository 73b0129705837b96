package org.peershelf.protocol.chat;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import org.peershelf.protocol.chat.log.ChatStores;
import org.peershelf.protocol.chat.log.DiskWriter;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.node.EventPublisher;
import org.peershelf.protocol.node.PeerNode;
import org.peershelf.protocol.presence.Mesh;
import org.peershelf.protocol.presence.PresenceService;
import org.peershelf.protocol.registry.RoomRegistry;

/**
 * What the chat parts share: the node and mesh for links, the registry's room directory, the disk writer and
 * stores, the publisher of {@link ChatEvent}s, and one chat thread for timers and registry calls (never a network
 * thread or the UI thread).
 */
public record ChatContext(PeerNode node, Mesh mesh, PresenceService presence, RoomRegistry registry, UserId user,
                          ChatConfig config, Clock clock, EventPublisher<ChatEvent> events, DiskWriter writer,
                          ChatStores stores, ScheduledExecutorService chatThread) {
    public DeviceId self() {
        return node.deviceId();
    }

    /** Refuses a text that is empty or over the limit, before anything is stored or sent. */
    public void checkText(String text) {
        if (text == null || text.isBlank()) {
            throw new ChatException("A message cannot be empty.");
        }
        if (text.length() > config.maxTextChars()) {
            throw new ChatException("A message can have at most " + config.maxTextChars() + " characters; this one has "
                    + text.length() + ".");
        }
    }
}
