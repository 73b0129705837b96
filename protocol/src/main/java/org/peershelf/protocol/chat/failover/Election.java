package org.peershelf.protocol.chat.failover;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.peershelf.protocol.identity.DeviceId;

/**
 * Picks the next host of a room from the candidates' latency scores: the lowest score wins. Scores in the same
 * {@value #TIE_BUCKET_MILLIS} ms bucket are a tie (on loopback or one LAN they differ only by noise), broken by a
 * pseudo-random order every member computes identically: SHA-256 of room id, epoch and device id. A candidate with
 * no known score (NaN or infinite) ranks after every scored one. Pure: same inputs, same winner, on every member.
 */
public final class Election {
    public static final double TIE_BUCKET_MILLIS = 0.5;

    private Election() {
    }

    public static Optional<DeviceId> pick(String roomId, long epoch, Map<DeviceId, Double> scoresMillis) {
        Comparator<Map.Entry<DeviceId, Double>> order = Comparator
                .comparingLong((Map.Entry<DeviceId, Double> e) -> bucket(e.getValue()))
                .thenComparing(e -> tieBreak(roomId, epoch, e.getKey()));
        return scoresMillis.entrySet().stream().min(order).map(Map.Entry::getKey);
    }

    static long bucket(Double score) {
        if (score == null || score.isNaN() || score.isInfinite() || score < 0) {
            return Long.MAX_VALUE;
        }
        return (long) Math.floor(score / TIE_BUCKET_MILLIS);
    }

    static String tieBreak(String roomId, long epoch, DeviceId device) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((roomId + "|" + epoch + "|" + device.value()).getBytes(UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
