package org.peershelf.protocol.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Turns queue items into bytes and back. {@code decode} signals bytes it cannot understand (say, written by a
 * newer version) with an {@link IllegalArgumentException}; the queue then sets that item aside instead of failing.
 */
public interface ItemCodec<T> {
    byte[] encode(T item);

    T decode(byte[] bytes);

    static ItemCodec<byte[]> bytes() {
        return new ItemCodec<>() {
            @Override
            public byte[] encode(byte[] item) {
                return item.clone();
            }

            @Override
            public byte[] decode(byte[] bytes) {
                return bytes;
            }
        };
    }

    static ItemCodec<String> utf8() {
        return new ItemCodec<>() {
            @Override
            public byte[] encode(String item) {
                return item.getBytes(UTF_8);
            }

            @Override
            public String decode(byte[] bytes) {
                return new String(bytes, UTF_8);
            }
        };
    }

    /** JSON through Jackson, e.g. for the outbox's operation records. */
    static <T> ItemCodec<T> json(ObjectMapper mapper, Class<T> type) {
        return new ItemCodec<>() {
            @Override
            public byte[] encode(T item) {
                try {
                    return mapper.writeValueAsBytes(item);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("Cannot encode " + item + " as JSON", e);
                }
            }

            @Override
            public T decode(byte[] bytes) {
                try {
                    return mapper.readValue(bytes, type);
                } catch (IOException e) {
                    throw new IllegalArgumentException("Not a " + type.getSimpleName() + " in JSON", e);
                }
            }
        };
    }
}
