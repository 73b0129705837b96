package org.peershelf.app.wiring;

import java.util.Optional;
import org.peershelf.app.config.AppSettings;
import org.peershelf.protocol.registry.LazyRegistry;
import org.peershelf.protocol.registry.Registry;
import org.peershelf.registry.MongoRegistry;
import org.peershelf.registry.mapping.SignaturePolicy;
import org.peershelf.registry.connection.RegistryUri;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;
import org.peershelf.registry.embedded.RegistryPortInUseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry this device uses: the lab's ({@code mongodb://…}) when one is configured, otherwise the
 * embedded one on this computer. The first app on the computer hosts the embedded registry (H2 file
 * in its profile folder, loopback only); later ones find the port taken and use it.
 */
public final class RegistryConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryConnection.class);

    private final Registry registry;
    private final Optional<EmbeddedRegistryServer> hosted;
    private final String description;

    private RegistryConnection(Registry registry, Optional<EmbeddedRegistryServer> hosted, String description) {
        this.registry = registry;
        this.hosted = hosted;
        this.description = description;
    }

    public static RegistryConnection open(AppSettings settings) {
        if (settings.registryUri().isPresent()) {
            RegistryUri uri = RegistryUri.parse(settings.registryUri().get());
            String description = "registry at " + uri.address();
            // the full address: toString() drops the credentials and options (it is for logs)
            return new RegistryConnection(lazy(uri.connectionString().getConnectionString(), description),
                    Optional.empty(), description);
        }
        try {
            EmbeddedRegistryServer server = EmbeddedRegistryServer.startInProfileFolder(settings.profileDir(),
                    EmbeddedRegistryServer.LOOPBACK, settings.embeddedPort());
            String description = "embedded registry on " + server.host() + ":" + server.port();
            return new RegistryConnection(lazy(server.connectionString(), description), Optional.of(server), description);
        } catch (RegistryPortInUseException e) {
            LOG.info("Port {} is taken: using the embedded registry another PeerShelf on this computer hosts",
                    settings.embeddedPort());
            String uri = "mongodb://" + EmbeddedRegistryServer.LOOPBACK + ":" + settings.embeddedPort();
            String description = "embedded registry on " + EmbeddedRegistryServer.LOOPBACK + ":" + settings.embeddedPort()
                    + " (hosted by another PeerShelf)";
            return new RegistryConnection(lazy(uri, description), Optional.empty(), description);
        }
    }

    private static Registry lazy(String connectionString, String description) {
        // the app ignores unsigned and forged directory/presence documents (docs/SECURITY.md)
        return new LazyRegistry(() -> MongoRegistry.open(connectionString, SignaturePolicy.REQUIRED), description);
    }

    public Registry registry() {
        return registry;
    }

    public String description() {
        return description;
    }

    public boolean hostsEmbeddedRegistry() {
        return hosted.isPresent();
    }

    @Override
    public void close() {
        registry.close();
        hosted.ifPresent(EmbeddedRegistryServer::close);
    }
}
