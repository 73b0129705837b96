package org.peershelf.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Medians and percentiles of measured samples, and the one-line format the benchmarks print. */
final class Stats {
    private Stats() {
    }

    static double percentile(List<Double> samples, double p) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double median(List<Double> samples) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String format(String label, List<Double> samples, String unit) {
        return String.format(Locale.ROOT, "%-44s median %8.1f %s  (min %.1f, max %.1f, n=%d) %s", label, median(samples),
                unit, samples.stream().mapToDouble(d -> d).min().orElse(Double.NaN),
                samples.stream().mapToDouble(d -> d).max().orElse(Double.NaN), samples.size(),
                samples.size() > 20 ? String.format(Locale.ROOT, "p95 %.1f", percentile(samples, 95))
                        : Arrays.toString(samples.stream().mapToLong(Math::round).toArray()));
    }
}
