package org.peershelf.app.config;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.peershelf.protocol.PeerShelfException;
import org.peershelf.protocol.store.AtomicFiles;

/** The profile's {@code settings.properties}: choices made in onboarding or the settings dialog. */
public final class SettingsFile {
    public static final String REGISTRY_URI = "registry.uri";
    public static final String PORT = "node.port";
    /** The folder of the held resources' files, chosen in onboarding; absent means {@code <profile>/repository}. */
    public static final String REPOSITORY_DIR = "repository.dir";

    private final Path file;

    public SettingsFile(Path profileDir) {
        this.file = profileDir.resolve("settings.properties");
    }

    public Properties load() {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try {
                properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new PeerShelfException("The settings in " + file + " cannot be read: " + e.getMessage(), e);
            }
        }
        return properties;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(load().getProperty(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    public Optional<Path> repositoryDir() {
        return get(REPOSITORY_DIR).map(Path::of);
    }

    public void put(String key, String value) {
        Properties properties = load();
        properties.setProperty(key, value);
        write(properties);
    }

    /** Writes several settings in one atomic file replacement. */
    public void putAll(java.util.Map<String, String> values) {
        Properties properties = load();
        values.forEach(properties::setProperty);
        write(properties);
    }

    public void remove(String key) {
        Properties properties = load();
        if (properties.remove(key) != null) {
            write(properties);
        }
    }

    private void write(Properties properties) {
        StringWriter out = new StringWriter();
        try {
            properties.store(out, "PeerShelf settings");
            AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PeerShelfException("The settings could not be saved in " + file + ": " + e.getMessage(), e);
        }
    }
}
