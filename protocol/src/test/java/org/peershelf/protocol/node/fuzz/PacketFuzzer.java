package org.peershelf.protocol.node.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Makes hostile Engine.IO / Socket.IO frames from one seeded random source: random bytes and text,
 * mutated valid events, wrong types and arities, unknown events, huge and deeply nested JSON,
 * dangling binary placeholders and bare Engine.IO packet types.
 */
final class PacketFuzzer {
    private static final List<String> TEMPLATES = List.of(
            "{\"version\":1,\"deviceId\":\"00112233445566778899aabbccddeeff00112233\",\"publicKey\":\"AAAA\",\"nonce\":\"n\"}",
            "{\"signature\":\"AAAA\"}",
            "{\"sentNanos\":12345}",
            "{\"text\":\"hello\"}",
            "{\"reason\":\"bye\"}");
    private static final List<String> EVENTS = List.of("link.hello", "link.prove", "link.ping", "link.bye", "test.echo");
    private static final List<String> ENGINE = List.of("0", "1", "2", "3", "4", "5", "6", "40", "41", "44{}", "4", "",
            "40{\"token\":1}", "42", "43", "431[]", "4999999999999999999999[]", "42-1[]", "4/nope,[\"x\"]", "4/,42[]");

    private final Random random;
    private final int maxPayloadChars;

    PacketFuzzer(Random random, int maxPayloadChars) {
        this.random = random;
        this.maxPayloadChars = maxPayloadChars;
    }

    /** A frame: a String (text) or byte[] (binary). */
    Object next() {
        int kind = random.nextInt(100);
        if (kind < 10) {
            return randomBytes(1 + random.nextInt(random.nextInt(10) == 0 ? 256 * 1024 : 2048));
        } else if (kind < 18) {
            return randomText(1 + random.nextInt(512));
        } else if (kind < 45) {
            return event(pick(EVENTS), mutate(pick(TEMPLATES)));
        } else if (kind < 55) {
            return wrongShape();
        } else if (kind < 63) {
            return event("fuzz." + Integer.toHexString(random.nextInt()), "{}");
        } else if (kind < 70) {
            return ENGINE.get(random.nextInt(ENGINE.size()));
        } else if (kind < 76) {
            return deep();
        } else if (kind < 79) {
            return huge();
        } else if (kind < 85) {
            // a binary event whose attachment never comes, or comes as garbage
            return "451-[\"peershelf\",\"test.echo\",{\"_placeholder\":true,\"num\":" + (random.nextInt(3) - 1) + "}]";
        } else {
            return event("test.echo", "{\"text\":\"" + randomText(random.nextInt(64)).replace("\\", "").replace("\"", "") + "\"}");
        }
    }

    String event(String name, String payload) {
        String ack = random.nextBoolean() ? Integer.toString(random.nextInt(1000)) : "";
        return "42" + ack + "[\"peershelf\"," + quote(name) + "," + quote(payload) + "]";
    }

    private Object wrongShape() {
        return switch (random.nextInt(9)) {
            case 0 -> "42[\"peershelf\"]";
            case 1 -> "42[\"peershelf\",5,6]";
            case 2 -> "42[\"peershelf\",\"test.echo\",{\"text\":1}]";
            case 3 -> "42[]";
            case 4 -> "42{}";
            case 5 -> "42\"x\"";
            case 6 -> "42[\"peershelf\",\"test.echo\",\"{\\\"text\\\":[1,2,{\\\"a\\\":null}]}\"]";
            case 7 -> "42[\"other\",\"x\",{\"y\":[true,false]}]";
            default -> "42[null,null]";
        };
    }

    private String deep() {
        int depth = 100 + random.nextInt(20_000);
        String nested = "[".repeat(depth) + "]".repeat(random.nextBoolean() ? depth : depth / 2);
        return random.nextBoolean() ? event("test.echo", nested) : "42[\"peershelf\",\"test.echo\"," + nested + "]";
    }

    private String huge() {
        // around the payload limit: just below, just above, and far above (beyond the frame limit)
        int size = switch (random.nextInt(3)) {
            case 0 -> maxPayloadChars / 2;
            case 1 -> maxPayloadChars + 10;
            default -> maxPayloadChars * 2 + 4096;
        };
        return event("test.echo", "{\"text\":\"" + "x".repeat(size) + "\"}");
    }

    private String mutate(String template) {
        StringBuilder s = new StringBuilder(template);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && s.length() > 0; i++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(5)) {
                case 0 -> s.setCharAt(at, (char) (32 + random.nextInt(95)));
                case 1 -> s.setLength(at);
                case 2 -> s.insert(at, pick(List.of("null", "[]", "{}", "1e999", "-0", "\"\\u0000\"", "true", ",", "\\")));
                case 3 -> s.deleteCharAt(at);
                default -> s.insert(at, s.substring(0, Math.min(s.length(), random.nextInt(64))));
            }
        }
        return s.toString();
    }

    private String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private String randomText(int length) {
        byte[] bytes = randomBytes(length);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
