package org.peershelf.registry.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.types.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/**
 * {@link IndexKeyType} must order every pair of keys exactly as H2's serializing comparison does, and read both its
 * own form and H2's.
 */
class IndexKeyTypeTest {
    private final ObjectDataType h2 = new ObjectDataType();
    private final IndexKeyType fast = new IndexKeyType();

    @Test
    void ordersRegistryIdsAsH2Does() {
        List<Object> keys = new ArrayList<>();
        for (String id : List.of("", "a", "b", "ab", "ba", "aa", "n:1", "n:10", "n:2", "m:0", "w:graph#0", "w:graph#10",
                "x:gone#1", "Z", "z", "~", " ", "0", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")) {
            keys.add(new KeyValue(id));
        }
        assertSameOrder(keys);
    }

    @Test
    void ordersRandomKeysOfEveryKindAsH2Does() {
        Random random = new Random(7);
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            keys.add(new KeyValue(randomString(random, random.nextInt(4) == 0 ? 0x80 : 0x7F, random.nextInt(12))));
        }
        // the cases left to H2: non-ASCII and NUL chars, long strings, other types, several values
        for (int i = 0; i < 40; i++) {
            keys.add(new KeyValue(randomString(random, 0x3000, 1 + random.nextInt(6))));
            keys.add(new KeyValue("a\u0000" + randomString(random, 0x7F, random.nextInt(3))));
            keys.add(new KeyValue(random.nextInt(1000)));
            keys.add(new KeyValue(new ObjectId()));
            keys.add(new KeyValue("k" + i, i));
        }
        keys.add(new KeyValue("y".repeat(0xFFFF)));
        keys.add(new KeyValue("y".repeat(0x10000)));
        keys.add(new KeyValue("x".repeat(0x10001)));
        keys.add(new KeyValue("\u00e9"));
        keys.add(new KeyValue("\u0000"));
        keys.add(new KeyValue((Object) null));
        assertSameOrder(keys);
    }

    @Test
    void readsBackWhatItWritesAndWhatH2Wrote() {
        List<Object> keys = List.of(new KeyValue("n:1"), new KeyValue(""), new KeyValue("caf\u00e9 \u0000 \ud83d\ude00"),
                new KeyValue("z".repeat(70_000)), new KeyValue(42), new KeyValue(new ObjectId()), new KeyValue("a", 1));
        for (Object key : keys) {
            assertThat(roundTrip(fast, fast, key)).as("own form").isEqualTo(key);
            assertThat(roundTrip(h2, fast, key)).as("H2's form").isEqualTo(key);
        }
        assertThat(written(fast, new KeyValue("n:1"))).startsWith((byte) IndexKeyType.ONE_STRING).hasSize(5);
    }

    private static Object roundTrip(ObjectDataType writer, ObjectDataType reader, Object key) {
        return reader.read(ByteBuffer.wrap(written(writer, key)));
    }

    private static byte[] written(ObjectDataType writer, Object key) {
        WriteBuffer buffer = new WriteBuffer();
        writer.write(buffer, key);
        ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        byte[] out = new byte[bytes.remaining()];
        bytes.get(out);
        return out;
    }

    private void assertSameOrder(List<Object> keys) {
        for (Object a : keys) {
            for (Object b : keys) {
                assertThat(Integer.signum(fast.compare(a, b)))
                        .as("%s vs %s", abbreviated(a), abbreviated(b))
                        .isEqualTo(Integer.signum(h2.compare(a, b)));
            }
        }
    }

    private static String randomString(Random random, int maxChar, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) (1 + random.nextInt(maxChar)));
        }
        return s.toString();
    }

    private static String abbreviated(Object key) {
        String s = String.valueOf(key);
        return s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s;
    }
}
