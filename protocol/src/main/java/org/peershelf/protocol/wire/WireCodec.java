package org.peershelf.protocol.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Encodes event payloads and replies as JSON text. Decoding is defensive: a size limit, a nesting
 * limit, and a {@link ProtocolException} (never a raw Jackson error) for anything malformed.
 * Unknown fields are ignored so a newer peer can add fields without breaking older ones.
 */
public final class WireCodec {
    private static final int MAX_NESTING = 32;

    private final ObjectMapper mapper;
    private final int maxPayloadChars;

    public WireCodec(int maxPayloadChars) {
        this.maxPayloadChars = maxPayloadChars;
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxStringLength(maxPayloadChars)
                .build());
    }

    public int maxPayloadChars() {
        return maxPayloadChars;
    }

    public String encode(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    public <T> T decode(String json, Class<T> type) {
        checkSize(json);
        try {
            T value = mapper.readValue(json, type);
            if (value == null) {
                throw new ProtocolException(ErrorCodes.MALFORMED, "Empty " + type.getSimpleName() + " payload.");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new ProtocolException(ErrorCodes.MALFORMED,
                    "Malformed " + type.getSimpleName() + " payload: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCodes.MALFORMED,
                    "Malformed " + type.getSimpleName() + " payload: " + e.getMessage(), e);
        }
    }

    public String encodeReply(WireReply reply) {
        return encode(reply);
    }

    public <R> R decodeReplyBody(String json, Class<R> type) {
        WireReply reply = decode(json, WireReply.class);
        if (!reply.ok()) {
            String code = reply.error() == null ? ErrorCodes.INTERNAL : reply.error();
            String message = reply.message() == null ? "The peer refused the request." : reply.message();
            throw new ProtocolException(code, message);
        }
        try {
            JsonNode body = reply.body();
            R value = body == null || body.isNull() ? null : mapper.treeToValue(body, type);
            if (value == null) {
                throw new ProtocolException(ErrorCodes.MALFORMED, "Reply without a " + type.getSimpleName() + ".");
            }
            return value;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ProtocolException(ErrorCodes.MALFORMED,
                    "Malformed " + type.getSimpleName() + " reply: " + e.getMessage(), e);
        }
    }

    public JsonNode toTree(Object value) {
        return mapper.valueToTree(value);
    }

    private void checkSize(String json) {
        if (json == null) {
            throw new ProtocolException(ErrorCodes.MALFORMED, "Missing payload.");
        }
        if (json.length() > maxPayloadChars) {
            throw new ProtocolException(ErrorCodes.TOO_LARGE,
                    "Payload of " + json.length() + " characters is over the limit of " + maxPayloadChars + ".");
        }
    }
}
