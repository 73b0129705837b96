package org.peershelf.protocol.resource;

import java.nio.file.Path;
import java.util.Objects;

/** A file to put into a package: where it is now and its path inside the package. */
public record PackageEntry(String path, Path source) {
    public PackageEntry {
        PackagePath.validate(path);
        Objects.requireNonNull(source, "source");
    }
}
