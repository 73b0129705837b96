package org.peershelf.protocol.wire;

import java.util.Objects;

/**
 * One peer event: its Socket.IO name, the record it carries and the record its acknowledgement
 * carries. Every event is acknowledged, so a sender always learns whether it was accepted.
 */
public record EventType<Q, R>(String name, Class<Q> requestType, Class<R> replyType) {
    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(replyType, "replyType");
    }

    public static <Q, R> EventType<Q, R> of(String name, Class<Q> requestType, Class<R> replyType) {
        return new EventType<>(name, requestType, replyType);
    }
}
