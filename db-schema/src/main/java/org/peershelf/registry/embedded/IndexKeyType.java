package org.peershelf.registry.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the H2 backend's unique-index maps ({@code _id} → position): H2's own {@link ObjectDataType} and
 * H2's order, with the keys the registry writes (one string) compared without serializing them and stored in a
 * compact form. H2 stores a mongo-java-server {@code KeyValue} Java-serialized, compares two by Java-serializing both
 * at every step of a B-tree search, and Java-deserializes every key of a page it reads; on the Explore search
 * benchmark that was a half of what the registry allocated, and the allocation drove the heap growth behind its
 * stalls (docs/BENCHMARKS.md, "Explore search on H2: index keys").
 *
 * <p><b>Order.</b> It must stay exactly H2's, or keys already in a file would no longer be found. A {@code KeyValue}
 * is serialized as a fixed prefix (its class, its {@code ArrayList}, the size) and then each element; one string
 * element as {@code TC_STRING}, a two-byte unsigned length and its modified UTF-8 bytes, compared unsigned. For
 * ASCII without NUL (one byte per char, the char's value) of under 64 KiB that is: shorter first, then by chars.
 * Anything else (other types, several values, NUL or non-ASCII chars) goes to H2's comparison.
 * {@code IndexKeyTypeTest} holds this to H2's result.
 *
 * <p><b>Bytes.</b> A key of one string is written as the tag {@value #ONE_STRING} (a value H2's type does not use)
 * and the string as H2 writes strings; everything else, and every key read that does not start with that tag (files
 * written before), as H2 does. So this version reads every older file, and a file it wrote is readable only by a
 * version with this type.
 */
final class IndexKeyType extends ObjectDataType {
    /** Above this the serialized form is {@code TC_LONGSTRING} with an 8-byte length. */
    private static final int MAX_SHORT_STRING = 0xFFFF;
    /** Not a tag of {@link ObjectDataType} (it uses 0–14, 19, 32–49 and 64–119) and so never in an older file. */
    static final int ONE_STRING = 120;
    /** Heap of a one-string key besides the string's bytes: the KeyValue, its list and array, the String. */
    private static final int ONE_STRING_OVERHEAD = 112;

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

    @Override
    public void write(WriteBuffer buff, Object obj) {
        String s = oneString(obj);
        if (s == null) {
            super.write(buff, obj);
            return;
        }
        buff.put((byte) ONE_STRING).putVarInt(s.length()).putStringData(s, s.length());
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != ONE_STRING) {
            return super.read(buff);
        }
        buff.get();
        return new KeyValue(DataUtils.readString(buff));
    }

    @Override
    public int getMemory(Object obj) {
        String s = oneString(obj);
        return s == null ? super.getMemory(obj) : ONE_STRING_OVERHEAD + s.length();
    }

    private static String oneString(Object key) {
        return key instanceof KeyValue kv && kv.size() == 1 && kv.get(0) instanceof String s ? s : null;
    }

    /** The key's single value if it is a string whose serialized form orders like its chars; else null. */
    private static String plainString(Object key) {
        String s = oneString(key);
        if (s == null || s.length() > MAX_SHORT_STRING) {
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
