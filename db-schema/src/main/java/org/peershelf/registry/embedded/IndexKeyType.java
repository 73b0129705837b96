package org.peershelf.registry.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the H2 backend's unique-index maps ({@code _id} → position): H2's own {@link ObjectDataType}, same
 * bytes on disk and same order, but a key of one ASCII string (every {@code _id} the registry writes) is compared
 * without serializing it. H2 compares keys it cannot compare otherwise by Java-serializing both sides at every step
 * of a B-tree search; for the mongo-java-server's {@code KeyValue} that was a third of what the registry allocated
 * while searching (docs/BENCHMARKS.md, "Explore search on H2: the stall windows").
 *
 * <p>The order must stay exactly H2's, or keys already in a file would no longer be found. A {@code KeyValue} is
 * serialized as a fixed prefix (its class, its {@code ArrayList}, the size) and then each element; one string
 * element as {@code TC_STRING}, a two-byte unsigned length and its modified UTF-8 bytes, compared unsigned. For
 * ASCII without NUL (one byte per char, the char's value) of under 64 KiB that is: shorter first, then by chars.
 * Anything else (other types, several values, NUL or non-ASCII chars) goes to H2's comparison. {@code IndexKeyTypeTest}
 * holds this to H2's result.
 */
final class IndexKeyType extends ObjectDataType {
    /** Above this the serialized form is {@code TC_LONGSTRING} with an 8-byte length. */
    private static final int MAX_SHORT_STRING = 0xFFFF;

    @Override
    public int compare(Object a, Object b) {
        String x = plainString(a);
        String y = x == null ? null : plainString(b);
        if (y == null) {
            return super.compare(a, b);
        }
        if (x.length() != y.length()) {
            return x.length() < y.length() ? -1 : 1;
        }
        for (int i = 0; i < x.length(); i++) {
            char cx = x.charAt(i);
            char cy = y.charAt(i);
            if (cx != cy) {
                return cx < cy ? -1 : 1;
            }
        }
        return 0;
    }

    /** The key's single value if it is a string whose serialized form orders like its chars; else null. */
    private static String plainString(Object key) {
        if (!(key instanceof KeyValue kv) || kv.size() != 1 || !(kv.get(0) instanceof String s)
                || s.length() > MAX_SHORT_STRING) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c > 0x7F) {
                return null;
            }
        }
        return s;
    }
}
