package org.peershelf.protocol.node;

import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.ProtocolException;

/**
 * Frames the bytes of a binary attachment so they survive netty-socketio 2.0.14 in both directions.
 * <ul>
 *   <li>Server→client, netty-socketio prefixes each attachment with a stray 0x04 (upstream issue 940).</li>
 *   <li>Client→server, its decoder looks at the first bytes of every websocket frame: a leading 0x00, or
 *       ASCII digits followed by ':', are taken for an old length-prefixed polling payload, so a chunk of
 *       zeros or of text like "12:30" is mangled or kills the connection (measured: all-zero bytes fail).</li>
 * </ul>
 * So every attachment starts with one guard byte of our own, 0xFF (neither 0x00, a digit, nor 0x04), and
 * the sender declares the byte count of the data beside it. The receiver accepts exactly
 * {@code [0xFF] data} or {@code [0x04, 0xFF] data} of the declared length and nothing else. Receivers of
 * file chunks verify every chunk's SHA-256 on top of this.
 */
public final class BinaryFrames {
    static final byte GUARD = (byte) 0xFF;
    static final byte STRAY = 0x04;

    private BinaryFrames() {
    }

    /** The attachment to send for {@code data}: the guard byte, then the data. */
    public static byte[] frame(byte[] data) {
        byte[] framed = new byte[data.length + 1];
        framed[0] = GUARD;
        System.arraycopy(data, 0, framed, 1, data.length);
        return framed;
    }

    /** The data of a received attachment whose data was declared as {@code declaredLength} bytes. */
    public static byte[] payload(Object declaredLength, Object attachment) {
        if (!(declaredLength instanceof Number number) || !(attachment instanceof byte[] bytes)) {
            throw new ProtocolException(ErrorCodes.MALFORMED, "A binary event needs a byte count and a binary attachment.");
        }
        long declared = number.longValue();
        int skip;
        if (bytes.length == declared + 1 && bytes[0] == GUARD) {
            skip = 1;
        } else if (bytes.length == declared + 2 && bytes[0] == STRAY && bytes[1] == GUARD) {
            skip = 2;
        } else {
            throw new ProtocolException(ErrorCodes.MALFORMED, "A binary attachment of " + bytes.length
                    + " bytes does not frame the declared " + declared + " bytes.");
        }
        byte[] data = new byte[bytes.length - skip];
        System.arraycopy(bytes, skip, data, 0, data.length);
        return data;
    }
}
