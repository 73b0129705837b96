package org.peershelf.protocol.resource;

import java.util.List;
import java.util.Objects;

/**
 * One file of a package: its '/'-separated path inside the package ({@link PackagePath} rules), its size, the SHA-256
 * of its bytes and the SHA-256 of each chunk in order. An empty file has no chunks.
 */
public record ManifestFile(String path, long size, String sha256, List<String> chunkSha256) {
    public ManifestFile {
        PackagePath.validate(path);
        if (size < 0) {
            throw new InvalidManifestException("File \"" + path + "\" has a negative size.");
        }
        checkHash(path, sha256);
        Objects.requireNonNull(chunkSha256, "chunkSha256");
        chunkSha256 = List.copyOf(chunkSha256);
        chunkSha256.forEach(h -> checkHash(path, h));
    }

    static void checkHash(String path, String hash) {
        if (hash == null || hash.length() != 64 || !hash.chars().allMatch(ResourceId::isLowerHex)) {
            throw new InvalidManifestException("File \"" + path + "\" has a hash that is not 64 lower-case hex digits.");
        }
    }
}
