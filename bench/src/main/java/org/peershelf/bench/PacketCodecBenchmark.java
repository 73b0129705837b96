package org.peershelf.bench;

import com.fasterxml.jackson.core.JsonFactory;
import io.socket.parser.IOParser;
import io.socket.parser.Packet;
import io.socket.parser.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.json.JSONArray;
import org.peershelf.protocol.node.StringPacketDecoder;
import org.peershelf.protocol.node.StringPacketEncoder;

/**
 * Socket.IO packet encode + decode of a {@code room.deliver} event with a one-line batch: socket.io-client's
 * IOParser (org.json) against the string-only codec dialled links use, alternated in one process.
 * Usage: PacketCodecBenchmark [rounds=9] [packets per round=100000]
 */
public final class PacketCodecBenchmark {
    private static final String PAYLOAD = "{\"roomId\":\"02ca0862-4011-4222-a262-3fea5b77e279\",\"epoch\":0,\"lines\":"
            + "[{\"seq\":123,\"sender\":\"2a0d5598c1ab11c2fb23e43c5214f62244bf14a6\",\"senderSeq\":4567,"
            + "\"sentAt\":1733260000000,\"text\":\"bench 12345 \\\"quoted\\\"\"}]}";

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        int packets = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        JsonFactory json = new JsonFactory();
        List<Double> library = new ArrayList<>();
        List<Double> strings = new ArrayList<>();
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < packets; i++) {
                sink += roundTrip(new IOParser.Encoder(), new IOParser.Decoder(), i);
            }
            long t1 = System.nanoTime();
            StringPacketEncoder encoder = new StringPacketEncoder();
            for (int i = 0; i < packets; i++) {
                sink += roundTrip(encoder, new StringPacketDecoder(json), i);
            }
            long t2 = System.nanoTime();
            if (round > 0) { // the first round is JIT warm-up
                library.add((t1 - t0) / 1e3 / packets);
                strings.add((t2 - t1) / 1e3 / packets);
            }
        }
        System.out.println(Stats.format("IOParser (org.json), encode + decode", library, "us"));
        System.out.println(Stats.format("string-only codec, encode + decode", strings, "us"));
        System.out.printf(Locale.ROOT, "ratio of medians (IOParser / string-only): %.2f (checksum %d)%n",
                Stats.percentile(library, 50) / Stats.percentile(strings, 50), sink % 1000);
    }

    private static long roundTrip(Parser.Encoder encoder, Parser.Decoder decoder, int id) {
        Packet<JSONArray> packet = new Packet<>(Parser.EVENT, new JSONArray().put("channel").put("room.deliver")
                .put(PAYLOAD));
        packet.id = id;
        String[] text = new String[1];
        encoder.encode(packet, encoded -> text[0] = (String) encoded[0]);
        long[] decodedLength = {0};
        decoder.onDecoded(decoded -> decodedLength[0] = ((JSONArray) decoded.data).optString(2).length());
        decoder.add(text[0]);
        if (decodedLength[0] != PAYLOAD.length()) {
            throw new IllegalStateException("the packet did not come back whole");
        }
        return text[0].length();
    }
}
