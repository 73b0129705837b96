package org.peershelf.protocol.wire;

import java.util.List;
import org.peershelf.protocol.wire.HandshakeMessages.Hello;
import org.peershelf.protocol.wire.HandshakeMessages.HelloReply;
import org.peershelf.protocol.wire.HandshakeMessages.Prove;
import org.peershelf.protocol.wire.LinkMessages.Bye;
import org.peershelf.protocol.wire.LinkMessages.Ping;
import org.peershelf.protocol.wire.LinkMessages.Pong;

/** The link-level events every peer speaks. Services define their own EventTypes beside their code. */
public final class Events {
    /**
     * The one Socket.IO event every peer event travels in, as two arguments: the event name and its
     * JSON payload. One channel lets the receiver answer unknown events itself instead of the
     * Socket.IO library dropping them unanswered.
     */
    public static final String CHANNEL = "peershelf";

    /**
     * The Socket.IO event for events that carry raw bytes: four arguments, the event name, its JSON
     * header, the byte count and the bytes as a binary attachment. Used for file chunks (see
     * docs/decisions/0001-chunk-data-path.md).
     */
    public static final String BINARY_CHANNEL = "peershelf-bin";

    public static final EventType<Hello, HelloReply> HELLO = EventType.of("link.hello", Hello.class, HelloReply.class);
    public static final EventType<Prove, Empty> PROVE = EventType.of("link.prove", Prove.class, Empty.class);
    public static final EventType<Ping, Pong> PING = EventType.of("link.ping", Ping.class, Pong.class);
    public static final EventType<Bye, Empty> BYE = EventType.of("link.bye", Bye.class, Empty.class);

    /** The two events served before a link is authenticated; everything else waits for the handshake. */
    public static final List<EventType<?, ?>> HANDSHAKE = List.of(HELLO, PROVE);

    public static final List<EventType<?, ?>> LINK = List.of(HELLO, PROVE, PING, BYE);

    private Events() {
    }
}
