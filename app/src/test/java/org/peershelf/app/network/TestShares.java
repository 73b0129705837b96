package org.peershelf.app.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.resource.Manifest;
import org.peershelf.protocol.resource.ManifestBuilder;
import org.peershelf.protocol.resource.PackageScanner;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceMetadata;

/** Shares test files with a small chunk size, so a few MiB make enough chunks to watch a transfer spread and resume. */
final class TestShares {
    static final int CHUNK = 64 * 1024;

    private TestShares() {
    }

    static Path randomFile(Path folder, String name, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Files.write(folder.resolve(name), bytes);
    }

    /** Takes {@code file} into the peer's repository with {@link #CHUNK}-byte chunks and publishes it. */
    static Resource share(Peer peer, ResourceMetadata metadata, Path file) throws IOException {
        Path staged = peer.repository().stagingDir().resolve("test-share-" + UUID.randomUUID());
        Files.createDirectories(staged);
        Path copy = Files.copy(file, staged.resolve(file.getFileName().toString()));
        Manifest manifest = new ManifestBuilder(CHUNK).build(PackageScanner.scan(List.of(copy)));
        Resource resource = peer.repository().importVerified(Resource.of(metadata, manifest), staged);
        peer.publisher().publish(resource.id());
        return resource;
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
