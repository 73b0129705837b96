package org.peershelf.protocol.resource.transfer;

import java.util.concurrent.CompletionException;
import org.peershelf.protocol.node.PeerUnreachableException;
import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.ProtocolException;

/** What a failed chunk request says about its holder, so a download knows whether to wait, relink or drop it. */
enum ChunkFailure {
    /** The holder is serving its limit: ask it again after a short pause. */
    BUSY,
    /** The holder no longer has the resource: its registry record is stale. */
    NOT_HELD,
    /** The link closed under the request (lost, or superseded by a duplicate): the download relinks. */
    LINK_GONE,
    /** Unreachable or timed out on an open link: counts against the holder, a few in a row remove it. */
    TRANSPORT,
    /** Any other refusal: the holder is not asked again by this download. */
    REFUSED;

    static ChunkFailure of(Throwable error, boolean linkOpen) {
        String code = error instanceof ProtocolException p ? p.code() : "";
        if (ErrorCodes.BUSY.equals(code)) {
            return BUSY;
        }
        if (ErrorCodes.NOT_HELD.equals(code)) {
            return NOT_HELD;
        }
        if (!linkOpen) {
            return LINK_GONE;
        }
        if (error instanceof PeerUnreachableException || ErrorCodes.TIMEOUT.equals(code)) {
            return TRANSPORT;
        }
        return REFUSED;
    }

    static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
