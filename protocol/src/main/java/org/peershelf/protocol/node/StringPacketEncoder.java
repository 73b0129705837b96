package org.peershelf.protocol.node;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.socket.parser.IOParser;
import io.socket.parser.Packet;
import io.socket.parser.Parser;
import org.json.JSONArray;

/**
 * Socket.IO packet encoder for our dialled links. Our events and acknowledgements carry only strings (the event
 * name and a JSON payload), and the library's encoder turns them into text through org.json, which escapes a
 * string one character at a time into a synchronized buffer: about a tenth of all Java CPU samples in the room
 * benchmark. Such packets are written here with Jackson's escaping, to the same text format; anything else
 * (binary attachments, objects, numbers, another namespace) goes to the library's encoder unchanged.
 */
public final class StringPacketEncoder implements Parser.Encoder {
    private final Parser.Encoder fallback = new IOParser.Encoder();

    @Override
    public void encode(Packet packet, Callback callback) {
        String text = encodeStrings(packet);
        if (text == null) {
            fallback.encode(packet, callback);
        } else {
            callback.call(new Object[] {text});
        }
    }

    /** The packet as text, or null if it is not an event or ack of strings only in the main namespace. */
    public static String encodeStrings(Packet<?> packet) {
        if (packet.type != Parser.EVENT && packet.type != Parser.ACK) {
            return null;
        }
        if (packet.nsp != null && !packet.nsp.isEmpty() && !"/".equals(packet.nsp)) {
            return null;
        }
        if (!(packet.data instanceof JSONArray array)) {
            return null;
        }
        int length = array.length();
        int size = 8;
        for (int i = 0; i < length; i++) {
            if (!(array.opt(i) instanceof String s)) {
                return null;
            }
            size += s.length() + 8;
        }
        StringBuilder text = new StringBuilder(size).append(packet.type);
        if (packet.id >= 0) {
            text.append(packet.id);
        }
        text.append('[');
        JsonStringEncoder escaper = JsonStringEncoder.getInstance();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append('"');
            escaper.quoteAsString((String) array.opt(i), text);
            text.append('"');
        }
        return text.append(']').toString();
    }
}
