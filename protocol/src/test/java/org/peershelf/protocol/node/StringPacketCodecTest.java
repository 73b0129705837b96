package org.peershelf.protocol.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socket.parser.IOParser;
import io.socket.parser.Packet;
import io.socket.parser.Parser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast string-only packet codec must read and write exactly what the library's IOParser does. */
class StringPacketCodecTest {
    private static final List<String> AWKWARD = List.of("", "plain", "{\"event\":\"room.deliver\",\"n\":[1,2]}",
            "quote \" and backslash \\ and slash / and </script>", "line\nfeed\ttab\rreturn\b\f",
            "control \u0000\u0001\u001f\u007f", "é ü ß 中文", "emoji \uD83D\uDE00", "separators \u2028 \u2029",
            "x".repeat(70_000));

    private final JsonFactory json = new JsonFactory();

    @Test
    void anEventOfStringsIsWrittenByTheFastPathAndReadsBackTheSameThroughBothDecoders() {
        for (String payload : AWKWARD) {
            Packet<JSONArray> packet = event(-1, "channel", "room.deliver", payload);
            String fast = StringPacketEncoder.encodeStrings(packet);
            assertThat(fast).isNotNull();
            assertThat(StringPacketDecoder.decodeStrings(json, fast)).as("read by the fast path").isNotNull();
            assertThat(viaLibrary(fast)).isEqualTo(viaLibrary(libraryText(packet)))
                    .isEqualTo(List.of("2", "-1", "/", "channel", "room.deliver", payload));
            assertThat(viaFast(fast)).isEqualTo(viaLibrary(fast));
        }
    }

    @Test
    void theServerSideJsonParserReadsTheSameStrings() throws Exception {
        for (String payload : AWKWARD) {
            String text = StringPacketEncoder.encodeStrings(event(7, "channel", payload));
            String[] parsed = new ObjectMapper().readValue(text.substring(2), String[].class);
            assertThat(parsed).containsExactly("channel", payload);
        }
    }

    @Test
    void acknowledgementsKeepTheirIdsAndMayBeEmpty() {
        Packet<JSONArray> ack = new Packet<>(Parser.ACK, new JSONArray().put("{\"ok\":true}"));
        ack.id = 123;
        String text = StringPacketEncoder.encodeStrings(ack);
        assertThat(text).isEqualTo("3123[\"{\\\"ok\\\":true}\"]");
        assertThat(viaFast(text)).isEqualTo(viaLibrary(text)).isEqualTo(List.of("3", "123", "/", "{\"ok\":true}"));

        Packet<JSONArray> empty = new Packet<>(Parser.ACK, new JSONArray());
        empty.id = 0;
        assertThat(viaFast(StringPacketEncoder.encodeStrings(empty))).isEqualTo(List.of("3", "0", "/"));
    }

    @Test
    void packetsThatAreNotStringsOnlyAreLeftToTheLibrary() {
        assertThat(StringPacketEncoder.encodeStrings(new Packet<>(Parser.EVENT,
                new JSONArray().put("channel").put(42)))).isNull();
        assertThat(StringPacketEncoder.encodeStrings(new Packet<>(Parser.EVENT,
                new JSONArray().put("channel").put(new JSONObject())))).isNull();
        assertThat(StringPacketEncoder.encodeStrings(new Packet<>(Parser.CONNECT, new JSONObject()))).isNull();
        Packet<JSONArray> otherNamespace = event(-1, "channel");
        otherNamespace.nsp = "/admin";
        assertThat(StringPacketEncoder.encodeStrings(otherNamespace)).isNull();
    }

    @Test
    void theEncoderHandsBinaryPacketsToTheLibraryAndTheDecoderRebuildsThem() {
        Packet<JSONArray> binary = event(5, "binary", "header", "x");
        binary.data.put(new byte[] {1, 2, 3});
        List<Object> parts = new ArrayList<>();
        new StringPacketEncoder().encode(binary, encoded -> parts.addAll(Arrays.asList(encoded)));
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).asString().startsWith("51-5[");

        List<Packet<?>> decoded = new ArrayList<>();
        StringPacketDecoder decoder = new StringPacketDecoder(json);
        decoder.onDecoded(decoded::add);
        decoder.add((String) parts.get(0));
        assertThat(decoded).isEmpty();
        decoder.add((byte[]) parts.get(1));
        assertThat(decoded).hasSize(1);
        JSONArray data = (JSONArray) decoded.get(0).data;
        assertThat(decoded.get(0).id).isEqualTo(5);
        assertThat((byte[]) data.opt(3)).containsExactly(1, 2, 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2[\"a\"]", "2[\"a\",\"b\"]", "21[\"a\"]", "3[]", "32147483647[\"a\"]",
            "32147483648[\"a\"]", "2[]", "2[\"a\"", "2[\"a\"]trailing", "2[1,\"a\"]", "2[\"a\",null]",
            "2[{\"a\":1}]", "2{\"a\":1}", "2", "2/admin,[\"a\"]", "2/admin,4[\"a\"]", "0", "0{\"sid\":\"x\"}", "1",
            "4{\"message\":\"no\"}", "9[\"a\"]", "2x[\"a\"]", "2[\"\\u00e9\\n\"]", "2[\"bad \\q escape\"]",
            "2 [\"a\"]", "2[\"a\"] "})
    void everyTextDecodesExactlyAsTheLibraryDecodesIt(String text) {
        assertThat(viaFast(text)).isEqualTo(viaLibrary(text));
    }

    private static Packet<JSONArray> event(int id, String... strings) {
        JSONArray data = new JSONArray();
        for (String s : strings) {
            data.put(s);
        }
        Packet<JSONArray> packet = new Packet<>(Parser.EVENT, data);
        packet.id = id;
        return packet;
    }

    private static String libraryText(Packet<?> packet) {
        List<Object> out = new ArrayList<>();
        new IOParser.Encoder().encode(packet, encoded -> out.addAll(Arrays.asList(encoded)));
        return (String) out.get(0);
    }

    private List<String> viaFast(String text) {
        return outcome(new StringPacketDecoder(json), text);
    }

    private static List<String> viaLibrary(String text) {
        return outcome(new IOParser.Decoder(), text);
    }

    /** Type, id, namespace and the data's elements as text, or the kind of failure. */
    private static List<String> outcome(Parser.Decoder decoder, String text) {
        List<Packet<?>> decoded = new ArrayList<>();
        decoder.onDecoded(decoded::add);
        try {
            decoder.add(text);
        } catch (RuntimeException e) {
            return List.of("failed: " + e.getClass().getSimpleName());
        }
        if (decoded.isEmpty()) {
            return List.of("nothing");
        }
        Packet<?> packet = decoded.get(0);
        List<String> out = new ArrayList<>(List.of(String.valueOf(packet.type), String.valueOf(packet.id),
                String.valueOf(packet.nsp)));
        if (packet.data instanceof JSONArray array) {
            for (int i = 0; i < array.length(); i++) {
                out.add(String.valueOf(array.opt(i)));
            }
        } else if (packet.data != null) {
            out.add("data: " + packet.data);
        }
        return out;
    }
}
