package org.peershelf.registry.probe;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ServerDescription;
import java.time.Duration;
import java.util.Locale;
import org.bson.Document;
import org.peershelf.registry.connection.FailureKind;
import org.peershelf.registry.connection.InvalidRegistryUriException;
import org.peershelf.registry.connection.RegistryClientSettings;
import org.peershelf.registry.connection.RegistryFailures;
import org.peershelf.registry.connection.RegistryUri;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tests a registry address typed by a person: validates it, connects, authenticates if credentials are
 * given, and pings, all within the timeout. Never throws for a bad address or a failed connection: the
 * answer is a {@link ProbeResult}. Blocks for up to about the timeout, so call it off the FX thread.
 */
public final class RegistryProbe {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(RegistryProbe.class);

    private final Duration timeout;

    public RegistryProbe() {
        this(DEFAULT_TIMEOUT);
    }

    public RegistryProbe(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.timeout = timeout;
    }

    public ProbeResult probe(String typed) {
        RegistryUri uri;
        try {
            uri = RegistryUri.parse(typed);
        } catch (InvalidRegistryUriException e) {
            return ProbeResult.failed(ProbeStatus.of(e.problem()), e.getMessage());
        }
        try (MongoClient client = MongoClients.create(
                RegistryClientSettings.failFast(uri, timeout, timeout, timeout))) {
            try {
                MongoDatabase admin = client.getDatabase("admin");
                admin.runCommand(new Document("ping", 1));
                String server = describeServer(client, admin, uri);
                LOG.info("Registry probe of {} succeeded: {}", uri, server);
                return new ProbeResult(ProbeStatus.OK, "The registry answers: " + server + ".", server);
            } catch (MongoException e) {
                return failed(uri, e, client.getClusterDescription());
            }
        } catch (MongoException e) {
            // the client could not even be created (settings the driver rejects)
            return failed(uri, e, null);
        }
    }

    private static ProbeResult failed(RegistryUri uri, MongoException e, ClusterDescription cluster) {
        FailureKind kind = RegistryFailures.classify(e, cluster);
        LOG.info("Registry probe of {} failed ({}): {}", uri, kind, e.getMessage());
        return ProbeResult.failed(ProbeStatus.of(kind), RegistryFailures.message(kind, uri.address(),
                RegistryFailures.detail(e)));
    }

    private static String describeServer(MongoClient client, MongoDatabase admin, RegistryUri uri) {
        String version = "MongoDB";
        try {
            Object v = admin.runCommand(new Document("buildInfo", 1)).get("version");
            if (v != null) {
                version = "MongoDB " + v;
            }
        } catch (MongoCommandException e) {
            // buildInfo may be forbidden to this user; the version is only decoration
            LOG.debug("buildInfo not available on {}: {}", uri, e.getErrorMessage());
        }
        String type = client.getClusterDescription().getServerDescriptions().stream()
                .filter(ServerDescription::isOk)
                .findFirst()
                .map(s -> s.getType().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", at " + s.getAddress())
                .orElse("at " + uri.address());
        return version + ", " + type;
    }
}
