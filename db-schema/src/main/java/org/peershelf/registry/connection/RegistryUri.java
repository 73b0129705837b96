package org.peershelf.registry.connection;

import com.mongodb.ConnectionString;
import java.util.List;

/**
 * A registry address as typed by a person, validated. Keeps the credentials inside the driver's
 * {@link ConnectionString}: {@link #address()} and {@link #toString()} never show them, so either can go
 * into logs and messages.
 */
public final class RegistryUri {
    /** The database used when neither the caller nor the address names one. */
    public static final String DEFAULT_DATABASE = "peershelf";

    private static final String PLAIN_SCHEME = "mongodb://";
    private static final String SRV_SCHEME = "mongodb+srv://";
    private static final int DEFAULT_PORT = 27017;

    private final ConnectionString connectionString;
    private final String address;

    private RegistryUri(ConnectionString connectionString) {
        this.connectionString = connectionString;
        this.address = displayAddress(connectionString);
    }

    /**
     * Parses user-typed text (surrounding blanks are ignored).
     *
     * @throws InvalidRegistryUriException with a message a person can act on
     */
    public static RegistryUri parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidRegistryUriException(InvalidRegistryUriException.Problem.EMPTY,
                    "Enter the registry address, for example mongodb://registry.example.org:27017.", null);
        }
        if (!trimmed.startsWith(PLAIN_SCHEME) && !trimmed.startsWith(SRV_SCHEME)) {
            throw new InvalidRegistryUriException(InvalidRegistryUriException.Problem.WRONG_SCHEME,
                    "A registry address starts with mongodb:// or mongodb+srv://, "
                            + "for example mongodb://registry.example.org:27017.", null);
        }
        try {
            return new RegistryUri(new ConnectionString(trimmed));
        } catch (IllegalArgumentException e) {
            throw new InvalidRegistryUriException(InvalidRegistryUriException.Problem.MALFORMED,
                    "This is not a valid registry address: " + e.getMessage(), e);
        }
    }

    public ConnectionString connectionString() {
        return connectionString;
    }

    /** The hosts (with ports) or the SRV name, without credentials, e.g. {@code registry.example.org:27017}. */
    public String address() {
        return address;
    }

    /** The database named in the address ({@code mongodb://host/db}), else {@code fallback}. */
    public String databaseOr(String fallback) {
        String database = connectionString.getDatabase();
        return database == null || database.isBlank() ? fallback : database;
    }

    public boolean hasCredentials() {
        return connectionString.getCredential() != null;
    }

    public boolean isSrv() {
        return connectionString.isSrvProtocol();
    }

    /** A form safe for logs: scheme and address only. */
    @Override
    public String toString() {
        return (isSrv() ? SRV_SCHEME : PLAIN_SCHEME) + address;
    }

    private static String displayAddress(ConnectionString connectionString) {
        List<String> hosts = connectionString.getHosts();
        if (connectionString.isSrvProtocol()) {
            return String.join(",", hosts);
        }
        return String.join(",", hosts.stream().map(RegistryUri::withPort).toList());
    }

    private static String withPort(String host) {
        boolean bracketedIpv6 = host.startsWith("[");
        boolean hasPort = bracketedIpv6 ? host.contains("]:") : host.contains(":");
        return hasPort ? host : host + ":" + DEFAULT_PORT;
    }
}
