package org.peershelf.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes what a benchmark wrote under /tmp: H2 registry files and peer profiles run to gigabytes. */
final class TempTrees {
    private TempTrees() {
    }

    static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The data folders of closed peers; a folder that cannot be removed is reported, not fatal. */
    static void deleteAll(Collection<Path> roots) {
        for (Path root : roots) {
            try {
                delete(root);
            } catch (IOException | UncheckedIOException e) {
                System.err.println("could not delete " + root + ": " + e.getMessage());
            }
        }
    }
}
