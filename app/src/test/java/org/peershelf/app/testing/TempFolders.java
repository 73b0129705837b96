package org.peershelf.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Temporary folders of one test fixture (peers' profiles and repositories), deleted when the fixture closes, after
 * its peers: a suite run used to leave a few hundred MB of them in /tmp.
 */
public final class TempFolders implements AutoCloseable {
    private final List<Path> made = new ArrayList<>();

    public synchronized Path create(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            made.add(folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        made.forEach(TempFolders::deleteTree);
        made.clear();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> tree = Files.walk(root)) {
            tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a folder we cannot remove is only litter in /tmp, not a test failure
        }
    }
}
