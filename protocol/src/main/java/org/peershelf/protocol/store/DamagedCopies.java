package org.peershelf.protocol.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Keeps evidence before a store throws bytes away: {@code <name>.<kind>-<UTC timestamp>} beside the original,
 * so a damaged file is never silently destroyed and can be inspected or salvaged later.
 */
final class DamagedCopies {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private DamagedCopies() {
    }

    /** Copies the whole file and forces the copy to disk; a half-made copy is removed. */
    static Path preserve(Path file, String kind) throws IOException {
        Path copy = freeName(file, kind);
        try {
            Files.copy(file, copy);
            try (RandomAccessFile out = new RandomAccessFile(copy.toFile(), "rw")) {
                out.getFD().sync();
            }
        } catch (IOException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        AtomicFiles.syncDirectory(copy.toAbsolutePath().getParent());
        return copy;
    }

    /** Saves some bytes (e.g. one record nobody can decode) beside the file they came from. */
    static Path save(Path besideFile, String kind, byte[] content) throws IOException {
        Path target = freeName(besideFile, kind);
        AtomicFiles.write(target, content);
        return target;
    }

    private static Path freeName(Path file, String kind) {
        String base = file.getFileName() + "." + kind + "-" + STAMP.format(Instant.now());
        Path candidate = file.resolveSibling(base);
        for (int i = 1; Files.exists(candidate); i++) {
            candidate = file.resolveSibling(base + "-" + i);
        }
        return candidate;
    }
}
