package org.peershelf.registry;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.PublishedResource;
import org.peershelf.protocol.resource.FileHasher;
import org.peershelf.protocol.resource.Manifest;
import org.peershelf.protocol.resource.ManifestFile;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceMetadata;

/** Published resources for registry tests and benchmarks, without files on disk. */
public final class TestResources {
    private TestResources() {
    }

    /** A one-file resource whose single chunk is {@code content}. */
    public static Resource resource(ResourceMetadata metadata, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String hash = FileHasher.sha256Hex(bytes, 0, bytes.length);
        ManifestFile file = new ManifestFile("file.txt", bytes.length, hash, bytes.length == 0 ? List.of() : List.of(hash));
        return Resource.of(metadata, new Manifest(Manifest.DEFAULT_CHUNK_SIZE, List.of(file)));
    }

    public static PublishedResource published(ResourceMetadata metadata, UserId owner, DeviceId by, long at) {
        return new PublishedResource(resource(metadata, metadata.title()), owner, by, at);
    }
}
