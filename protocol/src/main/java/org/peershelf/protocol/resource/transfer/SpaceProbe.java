package org.peershelf.protocol.resource.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How many bytes can still be written below a folder: asked before a download starts, so a full disk fails early. */
@FunctionalInterface
public interface SpaceProbe {
    /** The file store's usable space, the default. */
    SpaceProbe FILE_STORE = folder -> Files.getFileStore(folder).getUsableSpace();

    long usableBytes(Path folder) throws IOException;
}
