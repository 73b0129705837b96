package org.peershelf.protocol.resource.repository;

import java.nio.file.Path;

/** A folder in the repository whose {@code resource.json} could not be read; skipped, left on disk for a person to look at. */
public record DamagedEntry(Path folder, String reason) {
}
