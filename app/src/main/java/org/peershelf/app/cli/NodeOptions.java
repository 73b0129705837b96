package org.peershelf.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.peershelf.app.config.AppSettings;
import org.peershelf.app.config.SavedRegistry;
import org.peershelf.app.config.SettingsFile;
import org.peershelf.protocol.config.ConnectionLimits;
import org.peershelf.protocol.config.NodeConfig;
import picocli.CommandLine.Option;

/** Flags shared by every command that runs a device: where its profile lives and how it joins the network. */
public final class NodeOptions {
    @Option(names = "--profile", description = "Profile folder (default: ~/.peershelf/default).")
    Path profile;

    @Option(names = "--registry", description = "Registry URI, mongodb://… (default: the embedded registry on this computer).")
    String registryUri;

    @Option(names = "--embedded-port", description = "Port of the embedded registry on loopback (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + AppSettings.DEFAULT_EMBEDDED_PORT)
    int embeddedPort;

    @Option(names = "--port", description = "Port for peer links; 0 = any free port (default: ${DEFAULT-VALUE}).",
            defaultValue = "0")
    int port;

    @Option(names = "--bind", description = "Address to listen on (default: ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
    String bind;

    @Option(names = "--advertise", description = "Address other peers dial (default: the --bind address).")
    String advertise;

    @Option(names = "--heartbeat-ms", description = "Heartbeat interval in ms (default: ${DEFAULT-VALUE}).",
            defaultValue = "2000")
    long heartbeatMillis;

    @Option(names = "--vote-ratio", description = "Disconnect vote ratio r (default: ${DEFAULT-VALUE}).", defaultValue = "0.5")
    double voteRatio;

    @Option(names = "--max-links", description = "Bound on open peer links (default: ${DEFAULT-VALUE}).", defaultValue = "64")
    int maxLinks;

    @Option(names = "--insecure-plain-links", description = "Peer links without TLS, for debugging with a packet capture "
            + "only: not encrypted, not bound to device keys; every peer must use it (default: off).")
    boolean plainLinks;

    @Option(names = "--max-connections-per-address", description = "Concurrent connections one remote address may "
            + "open to this peer before any handshake (default: ${DEFAULT-VALUE}).", defaultValue = "16")
    int maxConnectionsPerAddress;

    @Option(names = "--max-loopback-connections", description = "The same bound for 127.0.0.1 and ::1, which all peers "
            + "of one computer share (default: ${DEFAULT-VALUE}).", defaultValue = "512")
    int maxLoopbackConnections;

    public AppSettings toSettings() {
        Path profileDir = profile != null ? profile : AppSettings.defaultProfileDir("default");
        Optional<String> uri = Optional.ofNullable(registryUri).or(() -> new SavedRegistry(profileDir).load());
        String advertised = advertise != null ? advertise : bind;
        NodeConfig node = NodeConfig.defaults().withHosts(bind, advertised).withPort(port)
                .withHeartbeat(Duration.ofMillis(heartbeatMillis)).withVoteRatio(voteRatio).withMaxLinks(maxLinks)
                .withPlainLinks(plainLinks);
        ConnectionLimits limits = node.connectionLimits();
        node = node.withConnectionLimits(new ConnectionLimits(maxConnectionsPerAddress, limits.attemptsPerSecond(),
                limits.attemptBurst(), maxLoopbackConnections, limits.loopbackAttemptsPerSecond(),
                limits.loopbackAttemptBurst()));
        return new AppSettings(profileDir, uri, embeddedPort, node,
                new SettingsFile(profileDir).repositoryDir().orElse(AppSettings.defaultRepositoryDir(profileDir)));
    }
}
