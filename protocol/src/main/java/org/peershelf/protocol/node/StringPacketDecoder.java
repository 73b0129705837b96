package org.peershelf.protocol.node;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.socket.parser.IOParser;
import io.socket.parser.Packet;
import io.socket.parser.Parser;
import java.io.IOException;
import org.json.JSONArray;

/**
 * Socket.IO packet decoder for our dialled links, the counterpart of {@link StringPacketEncoder}: an event or ack
 * in the main namespace whose data is an array of strings only is parsed with Jackson's streaming parser instead of
 * org.json's tokenizer (about a twelfth of the Java CPU samples in the room benchmark). Every other packet, and any
 * text this fast path does not fully understand, goes to the library's decoder, so validation and errors stay the
 * library's. One instance per connection (the library's decoder keeps the state of a binary packet in progress).
 */
public final class StringPacketDecoder implements Parser.Decoder {
    private final JsonFactory json;
    private final Parser.Decoder fallback = new IOParser.Decoder();
    private Callback onDecoded;

    public StringPacketDecoder(JsonFactory json) {
        this.json = json;
    }

    @Override
    public void add(String text) {
        Packet<JSONArray> packet = decodeStrings(json, text);
        if (packet == null) {
            fallback.add(text);
        } else if (onDecoded != null) {
            onDecoded.call(packet);
        }
    }

    @Override
    public void add(byte[] data) {
        fallback.add(data);
    }

    @Override
    public void destroy() {
        fallback.destroy();
        onDecoded = null;
    }

    @Override
    public void onDecoded(Callback callback) {
        this.onDecoded = callback;
        fallback.onDecoded(callback);
    }

    /**
     * {@code <type>[<id>][...strings]} for an event (at least one string) or an ack, or null for anything else:
     * another type, a namespace, an id out of range, data that is not an array of strings, trailing text.
     */
    static Packet<JSONArray> decodeStrings(JsonFactory json, String text) {
        if (text == null || text.length() < 3) {
            return null;
        }
        int type = text.charAt(0) - '0';
        if (type != Parser.EVENT && type != Parser.ACK) {
            return null;
        }
        int i = 1;
        long id = -1;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            id = (id < 0 ? 0 : id * 10) + (text.charAt(i) - '0');
            if (id > Integer.MAX_VALUE) {
                return null;
            }
            i++;
        }
        if (i >= text.length() || text.charAt(i) != '[') {
            return null;
        }
        JSONArray data = strings(json, text, i);
        if (data == null || (type == Parser.EVENT && data.length() == 0)) {
            return null;
        }
        Packet<JSONArray> packet = new Packet<>(type, data);
        packet.id = (int) id;
        packet.nsp = "/";
        return packet;
    }

    private static JSONArray strings(JsonFactory json, String text, int start) {
        try (JsonParser parser = json.createParser(text.substring(start))) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            JSONArray array = new JSONArray();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token != JsonToken.VALUE_STRING) {
                    return null;
                }
                array.put(parser.getText());
            }
            return parser.nextToken() == null ? array : null;
        } catch (IOException | RuntimeException e) {
            return null; // the library's decoder reports it in its own way
        }
    }
}
