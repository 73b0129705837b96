package org.peershelf.protocol.resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a manifest from package entries, reading every file once. With a target folder, each file is copied to
 * {@code target/<path>} in the same pass (the repository's own copy).
 */
public final class ManifestBuilder {
    private final FileHasher hasher;

    public ManifestBuilder(int chunkSize) {
        this.hasher = new FileHasher(chunkSize);
    }

    public Manifest build(List<PackageEntry> entries) throws IOException {
        return buildCopying(entries, null);
    }

    /** @param target folder to copy into (its files must not exist yet), or null for hashing only */
    public Manifest buildCopying(List<PackageEntry> entries, Path target) throws IOException {
        List<PackageEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(PackageEntry::path));
        List<ManifestFile> files = new ArrayList<>(sorted.size());
        for (PackageEntry entry : sorted) {
            Path copy = null;
            if (target != null) {
                copy = PackageFiles.resolve(target, entry.path());
                Files.createDirectories(copy.getParent());
            }
            files.add(hasher.hashAndCopy(entry.path(), entry.source(), copy));
        }
        return new Manifest(hasher.chunkSize(), files);
    }
}
