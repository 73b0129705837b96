package org.peershelf.protocol.wire;

/** The error codes a peer may answer with. Documented in docs/PROTOCOL.md. */
public final class ErrorCodes {
    public static final String MALFORMED = "malformed";
    public static final String TOO_LARGE = "too-large";
    public static final String UNKNOWN_EVENT = "unknown-event";
    public static final String HANDSHAKE_REQUIRED = "handshake-required";
    public static final String HANDSHAKE_FAILED = "handshake-failed";
    public static final String VERSION_UNSUPPORTED = "version-unsupported";
    public static final String DUPLICATE_LINK = "duplicate-link";
    public static final String REFUSED = "refused";
    public static final String NOT_FOUND = "not-found";
    public static final String INTERNAL = "internal";
    public static final String TIMEOUT = "timeout";
    public static final String RATE_LIMITED = "rate-limited";
    /** Chat: the sender is not a member of the room (or has left it). */
    public static final String NOT_MEMBER = "not-member";
    /** Chat: the receiver does not host the room, or the sender is not the room's host. */
    public static final String NOT_HOST = "not-host";
    /** Chat: the event carries an older host epoch than the receiver knows. */
    public static final String STALE_EPOCH = "stale-epoch";
    /** The peer does not (or no longer) hold the resource asked for: drop its holder record. */
    public static final String NOT_HELD = "not-held";
    /** A file or chunk index, or a length, that the resource does not have. */
    public static final String OUT_OF_RANGE = "out-of-range";
    /** The peer serves as many uploads as it allows; ask again later or elsewhere. */
    public static final String BUSY = "busy";

    private ErrorCodes() {
    }
}
