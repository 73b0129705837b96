package org.peershelf.protocol.resource.transfer;

import java.util.ArrayDeque;
import java.util.Deque;

/** Download rate over the last few seconds, from samples of the verified byte count. */
final class ProgressMeter {
    private static final long WINDOW_NANOS = 3_000_000_000L;

    private record Sample(long nanos, long bytes) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();

    ProgressMeter(long startBytes) {
        samples.add(new Sample(System.nanoTime(), startBytes));
    }

    synchronized double rate(long bytesNow) {
        long now = System.nanoTime();
        samples.addLast(new Sample(now, bytesNow));
        while (samples.size() > 2 && now - samples.peekFirst().nanos() > WINDOW_NANOS) {
            samples.removeFirst();
        }
        Sample first = samples.peekFirst();
        double seconds = (now - first.nanos()) / 1e9;
        return seconds <= 0 ? 0 : (bytesNow - first.bytes()) / seconds;
    }
}
