package org.peershelf.registry.mapping;

import org.bson.Document;

/**
 * Typed reads that fail with {@link IllegalArgumentException} naming the field: registry documents are
 * written by other peers (maybe other versions), so a malformed one is expected input, not a bug.
 */
final class DocumentReads {
    private DocumentReads() {
    }

    static String requireString(Document doc, String field) {
        Object value = doc.get(field);
        if (value instanceof String s) {
            return s;
        }
        throw malformed(doc, field, "a string");
    }

    static String optionalString(Document doc, String field) {
        Object value = doc.get(field);
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        throw malformed(doc, field, "a string");
    }

    /** Accepts any BSON number (a shell user may have written an int32 or a double). */
    static long requireLong(Document doc, String field) {
        Object value = doc.get(field);
        if (value instanceof Number n && n.doubleValue() == n.longValue()) {
            return n.longValue();
        }
        throw malformed(doc, field, "a whole number");
    }

    static int requireInt(Document doc, String field) {
        long value = requireLong(doc, field);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw malformed(doc, field, "a 32-bit number");
        }
        return (int) value;
    }

    static IllegalArgumentException malformed(Document doc, String field, String expected) {
        return new IllegalArgumentException("field '" + field + "' of document " + doc.get("_id") + " is not "
                + expected + ": " + doc.get(field));
    }
}
