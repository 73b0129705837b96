package org.peershelf.protocol.chat.log;

import org.peershelf.protocol.chat.ChatWire.RoomLine;

/**
 * One record of a conversation log (JSON in a checksummed frame). Kinds:
 * {@code line} a message; {@code delivered} our direct message {@code value} reached the peer;
 * {@code rewind} lines from sequence {@code value} on were numbered by a host that lost a failover and no longer
 * count (the log stays append-only; the view drops them); {@code read} the user has read up to {@code value}.
 */
public record LogRecord(String kind, RoomLine line, long value) {
    public static final String LINE = "line";
    public static final String DELIVERED = "delivered";
    public static final String REWIND = "rewind";
    public static final String READ = "read";

    public static LogRecord line(RoomLine line) {
        return new LogRecord(LINE, line, 0);
    }

    public static LogRecord marker(String kind, long value) {
        return new LogRecord(kind, null, value);
    }
}
