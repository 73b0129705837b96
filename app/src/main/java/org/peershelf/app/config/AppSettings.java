package org.peershelf.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.peershelf.protocol.config.NodeConfig;

/**
 * Everything the app is configured with, built once from flags, the profile's settings file and
 * defaults (see the README's table), then passed down. Never read from a global.
 *
 * @param profileDir   the profile folder: keys, profile, repository, queues, chat logs
 * @param registryUri  a {@code mongodb://} URI, or empty for the embedded registry on this computer
 * @param embeddedPort port of the embedded registry on loopback
 * @param node         the peer node's settings
 * @param repositoryDir the folder of the held resources' files (default {@code <profileDir>/repository})
 */
public record AppSettings(Path profileDir, Optional<String> registryUri, int embeddedPort, NodeConfig node,
                          Path repositoryDir) {
    /** With the repository in its default place, {@code <profileDir>/repository}. */
    public AppSettings(Path profileDir, Optional<String> registryUri, int embeddedPort, NodeConfig node) {
        this(profileDir, registryUri, embeddedPort, node, defaultRepositoryDir(profileDir));
    }

    public static Path defaultRepositoryDir(Path profileDir) {
        return profileDir.resolve("repository");
    }

    public AppSettings withRepositoryDir(Path folder) {
        return new AppSettings(profileDir, registryUri, embeddedPort, node, folder);
    }

    public static final int DEFAULT_EMBEDDED_PORT = 27027;
    public static final Duration DEFAULT_HEARTBEAT = NodeConfig.defaults().heartbeatInterval();

    public static Path defaultProfileDir(String profileName) {
        return Path.of(System.getProperty("user.home"), ".peershelf", profileName);
    }
}
