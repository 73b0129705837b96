package org.peershelf.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.peershelf.protocol.PeerShelfException;
import org.peershelf.protocol.store.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab registry chosen for a profile. The address goes into {@code settings.properties} without its password
 * (that file is read by people and pasted into bug reports); the password goes alone into
 * {@code registry-password}, readable and writable by the owner only where the file system has POSIX permissions.
 * An address saved with its password by an older version is split on first read. Touches the disk.
 */
public final class SavedRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SavedRegistry.class);
    public static final String PASSWORD_FILE = "registry-password";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final SettingsFile settings;
    private final Path passwordFile;

    public SavedRegistry(Path profileDir) {
        this.settings = new SettingsFile(profileDir);
        this.passwordFile = profileDir.resolve(PASSWORD_FILE);
    }

    /** The full address (password put back in), or empty for the embedded registry. */
    public Optional<String> load() {
        Optional<String> saved = settings.get(SettingsFile.REGISTRY_URI);
        if (saved.isEmpty()) {
            return Optional.empty();
        }
        UriPassword split = UriPassword.split(saved.get());
        if (split.password().isPresent()) { // written by a version that kept it in the settings file
            LOG.info("Moving the registry password out of settings.properties into {}", PASSWORD_FILE);
            save(saved.get());
            return saved;
        }
        return Optional.of(readPassword().map(split::withPassword).orElse(split.withoutPassword()));
    }

    public void save(String uri) {
        UriPassword split = UriPassword.split(uri.strip());
        try {
            if (split.password().isPresent()) {
                writeOwnerOnly(split.password().get());
            } else {
                Files.deleteIfExists(passwordFile);
            }
        } catch (IOException e) {
            throw new PeerShelfException("The registry password could not be saved in " + passwordFile + ": "
                    + e.getMessage(), e);
        }
        settings.put(SettingsFile.REGISTRY_URI, split.withoutPassword());
    }

    /** Back to the embedded registry: forgets the address and the password. */
    public void clear() {
        settings.remove(SettingsFile.REGISTRY_URI);
        try {
            Files.deleteIfExists(passwordFile);
        } catch (IOException e) {
            throw new PeerShelfException("The registry password in " + passwordFile + " could not be removed: "
                    + e.getMessage(), e);
        }
    }

    private Optional<String> readPassword() {
        if (!Files.exists(passwordFile)) {
            return Optional.empty();
        }
        try {
            String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            return password.isEmpty() ? Optional.empty() : Optional.of(password);
        } catch (IOException e) {
            throw new PeerShelfException("The registry password in " + passwordFile + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private void writeOwnerOnly(String password) throws IOException {
        // the temp file AtomicFiles renames into place is created rw------- on POSIX; set it again in case
        // the file existed before with wider rights
        AtomicFiles.write(passwordFile, password.getBytes(StandardCharsets.UTF_8));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(passwordFile, OWNER_ONLY);
        } else {
            java.io.File file = passwordFile.toFile();
            boolean narrowed = file.setReadable(false, false) & file.setReadable(true, true)
                    & file.setWritable(false, false) & file.setWritable(true, true);
            if (!narrowed) {
                LOG.warn("Could not restrict {} to its owner on this file system", passwordFile);
            }
        }
    }
}
