package org.peershelf.protocol.resource;

import java.nio.file.Path;

/** Maps validated package paths onto a folder, refusing anything that would land outside it. */
public final class PackageFiles {
    private PackageFiles() {
    }

    /**
     * @throws InvalidPackagePathException if the path is invalid or would resolve outside {@code folder}
     */
    public static Path resolve(Path folder, String packagePath) {
        PackagePath.validate(packagePath);
        Path base = folder.toAbsolutePath().normalize();
        Path file = base;
        for (String segment : packagePath.split("/")) {
            file = file.resolve(segment);
        }
        file = file.normalize();
        if (!file.startsWith(base) || file.equals(base)) {
            throw new InvalidPackagePathException(packagePath, "it leads outside the package folder");
        }
        return file;
    }
}
