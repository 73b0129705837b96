package org.peershelf.registry.connection;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Driver settings that make a down registry fail fast instead of after the driver's 30 s default:
 * the peer keeps working with the peers it knows and retries later. A timeout written in the address
 * itself ({@code ?serverSelectionTimeoutMS=…}) wins over these defaults.
 */
public final class RegistryClientSettings {
    public static final Duration SERVER_SELECTION_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final String APPLICATION_NAME = "PeerShelf";

    private RegistryClientSettings() {
    }

    public static MongoClientSettings failFast(RegistryUri uri) {
        return failFast(uri, SERVER_SELECTION_TIMEOUT, CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    @SuppressWarnings("deprecation") // readTimeout: its replacement (timeoutMS) is still marked alpha in 5.x
    public static MongoClientSettings failFast(RegistryUri uri, Duration serverSelection, Duration connect,
                                               Duration read) {
        ConnectionString cs = uri.connectionString();
        MongoClientSettings.Builder builder = MongoClientSettings.builder().applyConnectionString(cs);
        if (cs.getServerSelectionTimeout() == null) {
            builder.applyToClusterSettings(
                    c -> c.serverSelectionTimeout(serverSelection.toMillis(), TimeUnit.MILLISECONDS));
        }
        builder.applyToSocketSettings(s -> {
            if (cs.getConnectTimeout() == null) {
                s.connectTimeout(Math.toIntExact(connect.toMillis()), TimeUnit.MILLISECONDS);
            }
            if (cs.getSocketTimeout() == null) {
                s.readTimeout(Math.toIntExact(read.toMillis()), TimeUnit.MILLISECONDS);
            }
        });
        if (cs.getApplicationName() == null) {
            builder.applicationName(APPLICATION_NAME);
        }
        return builder.build();
    }
}
