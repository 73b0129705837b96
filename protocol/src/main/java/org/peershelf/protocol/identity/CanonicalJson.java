package org.peershelf.protocol.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON text of a record's signed fields: keys sorted at every level, no whitespace,
 * numbers as integers, UTF-8. Writer and reader build the same map from the same fields, so the
 * bytes signed and the bytes verified agree whatever order a database returns fields in.
 */
public final class CanonicalJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private CanonicalJson() {
    }

    /** @param fields values: String, Long/Integer, Boolean, null, List or Map of these */
    public static byte[] of(Map<String, ?> fields) {
        try {
            return MAPPER.writeValueAsString(new TreeMap<>(fields)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A signed record holds a value JSON cannot carry: " + e.getMessage(), e);
        }
    }
}
