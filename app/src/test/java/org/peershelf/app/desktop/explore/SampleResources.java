package org.peershelf.app.desktop.explore;

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

/** Published resources without files on disk, for Explore tests. */
public final class SampleResources {
    private SampleResources() {
    }

    public static PublishedResource published(ResourceMetadata metadata, UserId owner, DeviceId by, long at) {
        byte[] bytes = metadata.title().getBytes(StandardCharsets.UTF_8);
        String hash = FileHasher.sha256Hex(bytes, 0, bytes.length);
        ManifestFile file = new ManifestFile("paper.pdf", bytes.length, hash, List.of(hash));
        Resource resource = Resource.of(metadata, new Manifest(Manifest.DEFAULT_CHUNK_SIZE, List.of(file)));
        return new PublishedResource(resource, owner, by, at);
    }
}
