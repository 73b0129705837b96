package org.peershelf.protocol.resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a user picked (files and folders) into package entries: a file becomes its own name, a folder its name
 * followed by the paths below it, so a picked {@code dataset/} arrives as {@code dataset/...} elsewhere. Entries come
 * out sorted by path, so the same tree gives the same manifest on any file system. Symbolic links are skipped (they
 * could point anywhere, and following them could loop).
 */
public final class PackageScanner {
    private static final Logger LOG = LoggerFactory.getLogger(PackageScanner.class);

    private PackageScanner() {
    }

    /**
     * @throws InvalidPackagePathException if a name cannot be stored in a package
     * @throws InvalidManifestException    if nothing, or something that is not there, was picked
     */
    public static List<PackageEntry> scan(List<Path> filesOrFolders) throws IOException {
        if (filesOrFolders == null || filesOrFolders.isEmpty()) {
            throw new InvalidManifestException("Pick at least one file or folder.");
        }
        List<PackageEntry> entries = new ArrayList<>();
        for (Path picked : filesOrFolders) {
            Path absolute = picked.toAbsolutePath().normalize();
            String name = absolute.getFileName() == null ? null : absolute.getFileName().toString();
            if (Files.isSymbolicLink(absolute)) {
                throw new InvalidManifestException(picked + " is a symbolic link; pick the file it points to.");
            }
            if (Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
                entries.add(new PackageEntry(name, absolute));
            } else if (Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
                addFolder(absolute, name, entries);
            } else {
                throw new InvalidManifestException(picked + " is not a file or folder that can be read.");
            }
        }
        entries.sort(Comparator.comparing(PackageEntry::path));
        if (entries.isEmpty()) {
            throw new InvalidManifestException("The picked folders hold no files.");
        }
        return entries;
    }

    private static void addFolder(Path folder, String name, List<PackageEntry> entries) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.forEach(p -> {
                if (Files.isSymbolicLink(p)) {
                    LOG.warn("Skipping symbolic link {} in the package", p);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    StringBuilder path = new StringBuilder(name);
                    for (Path segment : folder.relativize(p)) {
                        path.append('/').append(segment);
                    }
                    entries.add(new PackageEntry(path.toString(), p));
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
