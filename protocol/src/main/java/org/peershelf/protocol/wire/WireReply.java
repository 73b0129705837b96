package org.peershelf.protocol.wire;

import com.fasterxml.jackson.databind.JsonNode;

/** The acknowledgement envelope: either a body (the event's reply record) or an error code and message. */
public record WireReply(boolean ok, JsonNode body, String error, String message) {
    public static WireReply success(JsonNode body) {
        return new WireReply(true, body, null, null);
    }

    public static WireReply failure(String error, String message) {
        return new WireReply(false, null, error, message);
    }
}
