package org.peershelf.protocol.resource.repository;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.peershelf.protocol.resource.InvalidManifestException;
import org.peershelf.protocol.resource.Manifest;
import org.peershelf.protocol.resource.ManifestBuilder;
import org.peershelf.protocol.resource.ManifestFile;
import org.peershelf.protocol.resource.PackageEntry;
import org.peershelf.protocol.resource.PackageFiles;
import org.peershelf.protocol.resource.PackageScanner;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceId;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resources this device holds, one folder per profile: {@code resources/<id>/resource.json} (metadata and
 * manifest) beside {@code resources/<id>/files/<package paths>}. The repository keeps its own copy of every file, so
 * moving or editing the original later does not break what it serves.
 *
 * <p>Crash safety without a journal: files are first laid out in a scratch folder, moved in with one rename, and the
 * resource becomes held only when its {@code resource.json} is written (atomically); deleting removes that file
 * first. A folder without one is debris from an interrupted add or delete and is removed at start-up. A
 * {@code resource.json} that cannot be read is reported by {@link #damaged()} and skipped: start-up never fails on it.
 * Thread-safe.
 */
public final class LocalRepository {
    private static final Logger LOG = LoggerFactory.getLogger(LocalRepository.class);
    private static final String FILES = "files";

    private final Path resourcesDir;
    private final Path scratchDir;
    private final Path stagingDir;
    private final int chunkSize;
    private final ResourceFile resourceFile = new ResourceFile();
    private final Map<ResourceId, Resource> held = new TreeMap<>();
    private final List<DamagedEntry> damaged = new ArrayList<>();

    public LocalRepository(Path root) {
        this(root, Manifest.DEFAULT_CHUNK_SIZE);
    }

    /** @param chunkSize chunk size of resources added here (tests use small ones) */
    public LocalRepository(Path root, int chunkSize) {
        Path base = root.toAbsolutePath().normalize();
        this.resourcesDir = base.resolve("resources");
        this.scratchDir = base.resolve("adding");
        this.stagingDir = base.resolve("staging");
        this.chunkSize = chunkSize;
        try {
            Files.createDirectories(resourcesDir);
            Files.createDirectories(stagingDir);
            Folders.deleteTree(scratchDir);
            Files.createDirectories(scratchDir);
        } catch (IOException e) {
            throw new RepositoryException("Cannot open the repository in " + base + ": " + e.getMessage(), e);
        }
        load();
    }

    private void load() {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(resourcesDir)) {
            for (Path folder : folders) {
                loadOne(folder);
            }
        } catch (IOException e) {
            throw new RepositoryException("Cannot read the repository in " + resourcesDir + ": " + e.getMessage(), e);
        }
        LOG.info("Repository {} holds {} resources{}", resourcesDir, held.size(),
                damaged.isEmpty() ? "" : " (" + damaged.size() + " damaged, skipped)");
    }

    private void loadOne(Path folder) {
        Path file = folder.resolve(ResourceFile.NAME);
        if (!Files.exists(file)) {
            removeDebris(folder);
            return;
        }
        try {
            Resource resource = resourceFile.read(file);
            if (!resource.id().hex().equals(folder.getFileName().toString())) {
                throw new IllegalArgumentException("it describes " + resource.id().shortForm()
                        + ", not the folder's resource");
            }
            held.put(resource.id(), resource);
        } catch (IOException | IllegalArgumentException e) {
            damaged.add(new DamagedEntry(folder, e.getMessage()));
            LOG.error("Skipping the damaged resource in {}: {}", folder, e.getMessage());
        }
    }

    private void removeDebris(Path folder) {
        try {
            Folders.deleteTree(folder);
            LOG.info("Removed {}, left over from an interrupted add or delete", folder);
        } catch (IOException e) {
            LOG.warn("Could not remove the leftover folder {}: {}", folder, e.getMessage());
        }
    }

    /**
     * Copies the picked files and folders in, hashing them in the same pass, and holds the result. Adding what is
     * already held (same bytes, same metadata) returns the held resource.
     *
     * @throws RepositoryException             if reading or copying fails (nothing is left behind)
     * @throws InvalidManifestException         if the pick is empty or holds names a package cannot have
     */
    public Resource add(ResourceMetadata metadata, List<Path> filesOrFolders) {
        Path scratch = scratchDir.resolve(UUID.randomUUID().toString());
        try {
            List<PackageEntry> entries = PackageScanner.scan(filesOrFolders);
            Files.createDirectories(scratch);
            Manifest manifest = new ManifestBuilder(chunkSize).buildCopying(entries, scratch);
            return holdFrom(Resource.of(metadata, manifest), scratch);
        } catch (IOException e) {
            throw new RepositoryException("Could not add " + filesOrFolders + " to the repository: " + e, e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    /**
     * Takes in a downloaded resource whose files, already verified against the manifest, lie below
     * {@code stagedFolder} at their package paths. The folder must be below {@link #stagingDir()}, on the same file
     * system, and is moved (not copied). Importing what is already held discards the staged copy.
     *
     * @throws RepositoryException if a file is missing or has the wrong size, or the move fails
     */
    public Resource importVerified(Resource resource, Path stagedFolder) {
        Manifest manifest = resource.manifest();
        for (ManifestFile file : manifest.files()) {
            Path staged = PackageFiles.resolve(stagedFolder, file.path());
            try {
                if (!Files.isRegularFile(staged) || Files.size(staged) != file.size()) {
                    throw new RepositoryException("Cannot take in " + resource.id().shortForm() + ": the staged file "
                            + file.path() + " is missing or has the wrong size.");
                }
            } catch (IOException e) {
                throw new RepositoryException("Cannot read the staged file " + staged + ": " + e.getMessage(), e);
            }
        }
        try {
            Resource result = holdFrom(resource, stagedFolder);
            deleteQuietly(stagedFolder);
            return result;
        } catch (IOException e) {
            throw new RepositoryException("Could not move " + resource.id().shortForm() + " into the repository: "
                    + e.getMessage(), e);
        }
    }

    private synchronized Resource holdFrom(Resource resource, Path laidOut) throws IOException {
        Resource existing = held.get(resource.id());
        if (existing != null) {
            return existing;
        }
        Path folder = folderOf(resource.id());
        Folders.deleteTree(folder); // debris of an interrupted earlier attempt
        Files.createDirectories(folder);
        move(laidOut, folder.resolve(FILES));
        resourceFile.write(folder.resolve(ResourceFile.NAME), resource);
        held.put(resource.id(), resource);
        LOG.info("Now holding {} \"{}\" ({} files, {} bytes)", resource.id().shortForm(),
                resource.metadata().title(), resource.manifest().files().size(), resource.manifest().totalSize());
        return resource;
    }

    public synchronized Optional<Resource> find(ResourceId id) {
        return Optional.ofNullable(held.get(id));
    }

    public synchronized boolean holds(ResourceId id) {
        return held.containsKey(id);
    }

    /** Every held resource, by id. */
    public synchronized List<Resource> list() {
        return List.copyOf(held.values());
    }

    /** Folders skipped at start-up because their {@code resource.json} was unreadable. */
    public synchronized List<DamagedEntry> damaged() {
        return List.copyOf(damaged);
    }

    /** The held copy of a file, if the resource is held and the file is there with its manifest size. */
    public Optional<Path> fileOf(ResourceId id, int fileIndex) {
        Resource resource;
        synchronized (this) {
            resource = held.get(id);
        }
        if (resource == null || fileIndex < 0 || fileIndex >= resource.manifest().files().size()) {
            return Optional.empty();
        }
        ManifestFile entry = resource.manifest().files().get(fileIndex);
        Path file = PackageFiles.resolve(folderOf(id).resolve(FILES), entry.path());
        try {
            if (Files.isRegularFile(file) && Files.size(file) == entry.size()) {
                return Optional.of(file);
            }
        } catch (IOException e) {
            LOG.warn("Cannot read {}: {}", file, e.getMessage());
        }
        return Optional.empty();
    }

    /** Where partial downloads live: below the repository, so finished ones move in with a rename. */
    public Path stagingDir() {
        return stagingDir;
    }

    /** Stops holding a resource and removes its files. Deleting what is not held does nothing. */
    public void delete(ResourceId id) {
        synchronized (this) {
            if (held.remove(id) == null) {
                return;
            }
            try {
                Files.deleteIfExists(folderOf(id).resolve(ResourceFile.NAME)); // from here on it is not held
            } catch (IOException e) {
                throw new RepositoryException("Could not delete " + id.shortForm() + ": " + e.getMessage(), e);
            }
        }
        deleteQuietly(folderOf(id));
        LOG.info("Deleted {} from the repository", id.shortForm());
    }

    private Path folderOf(ResourceId id) {
        return resourcesDir.resolve(id.hex());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            Folders.deleteTree(folder);
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {} (it is removed at the next start)", folder, e.getMessage());
        }
    }
}
