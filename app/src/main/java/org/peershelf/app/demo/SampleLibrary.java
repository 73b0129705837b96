package org.peershelf.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.bibtex.BibEntry;
import org.peershelf.protocol.resource.bibtex.BibtexMetadata;
import org.peershelf.protocol.resource.bibtex.BibtexParser;

/**
 * The demo's sample resources: metadata of real, well-known works from {@code demo/samples.bib} and
 * small files made for the demo (shipped as resources, or generated like the RTT data set). Files are
 * written to a folder of the caller's, one sub-folder per entry.
 */
final class SampleLibrary {
    private static final String BIB = "/demo/samples.bib";
    private static final String FILES = "/demo/files/";

    /** One sample: the BibTeX key, its metadata, and the files written for it. */
    record Sample(String key, ResourceMetadata metadata, List<Path> files) {
    }

    private final Map<String, BibEntry> entries;

    SampleLibrary() {
        this.entries = BibtexParser.parse(resourceText(BIB)).stream()
                .collect(Collectors.toMap(BibEntry::key, Function.identity()));
    }

    List<String> keys() {
        return entries.keySet().stream().sorted().toList();
    }

    /** Writes the sample's files below {@code folder}/{@code key} and returns them with the metadata. */
    Sample write(String key, Path folder) {
        BibEntry entry = entries.get(key);
        if (entry == null) {
            throw new IllegalArgumentException("no demo sample " + key);
        }
        try {
            Path target = Files.createDirectories(folder.resolve(key));
            List<Path> files = new ArrayList<>();
            for (String name : entry.text("file").map(list -> Arrays.asList(list.split("\\s*,\\s*"))).orElse(List.of())) {
                Path file = target.resolve(name);
                if ("rtt-samples.csv".equals(name)) {
                    writeRttSamples(file);
                } else {
                    Files.writeString(file, resourceText(FILES + key + "/" + name));
                }
                files.add(file);
            }
            return new Sample(key, BibtexMetadata.fromEntry(entry), files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo sample " + key, e);
        }
    }

    /** A week of hourly RTT figures for 15 pairs of peers, the same bytes on every run (fixed seed). */
    static void writeRttSamples(Path file) throws IOException {
        String[] peers = {"manchester-1", "manchester-2", "mit-1", "mit-2", "yale-1", "yale-2"};
        Random random = new Random(1936);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("hour,from,to,link,rtt_ms_median,rtt_ms_p99,lost\n");
            for (int hour = 0; hour < 7 * 24; hour++) {
                double load = 1 + 0.35 * Math.max(0, Math.sin((hour % 24 - 6) / 24.0 * 2 * Math.PI));
                for (int a = 0; a < peers.length; a++) {
                    for (int b = a + 1; b < peers.length; b++) {
                        String link = a / 2 == b / 2 ? "campus" : (a < 2 || b < 2) ? "international" : "national";
                        double base = switch (link) {
                            case "campus" -> 0.6;
                            case "national" -> 9.5;
                            default -> 78.0;
                        };
                        double median = base * load * (1 + 0.05 * random.nextGaussian());
                        double p99 = median * (1.4 + 0.3 * random.nextDouble());
                        int lost = random.nextDouble() < 0.03 ? 1 + random.nextInt(3) : 0;
                        out.write(String.format(Locale.ROOT, "%d,%s,%s,%s,%.2f,%.2f,%d%n", hour, peers[a], peers[b], link,
                                median, p99, lost));
                    }
                }
            }
        }
    }

    private static String resourceText(String path) {
        try (InputStream in = SampleLibrary.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the demo resource " + path + " is missing from the app");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
