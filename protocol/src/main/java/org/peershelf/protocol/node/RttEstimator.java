package org.peershelf.protocol.node;

/**
 * Smoothed round-trip time of a link, an exponentially weighted moving average as TCP keeps it
 * (weight 1/8 for a new sample), so one slow ping does not swing a host election.
 */
public final class RttEstimator {
    private static final double WEIGHT = 0.125;
    private double smoothedMillis = Double.NaN;
    private long samples;

    public synchronized void record(double sampleMillis) {
        if (sampleMillis < 0 || Double.isNaN(sampleMillis)) {
            return;
        }
        smoothedMillis = samples == 0 ? sampleMillis : smoothedMillis + WEIGHT * (sampleMillis - smoothedMillis);
        samples++;
    }

    /** The smoothed RTT in milliseconds, NaN before the first sample. */
    public synchronized double smoothedMillis() {
        return smoothedMillis;
    }

    public synchronized long samples() {
        return samples;
    }
}
