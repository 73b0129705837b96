package org.peershelf.registry.embedded;

/** Another program (often another PeerShelf or a MongoDB) already listens on the chosen port. */
public final class RegistryPortInUseException extends EmbeddedRegistryException {
    private final String host;
    private final int port;

    public RegistryPortInUseException(String host, int port, Throwable cause) {
        super("Port " + port + " on " + host + " is already in use, perhaps by another PeerShelf or a MongoDB. "
                + "Choose another port for the embedded registry, or stop the other program.", cause);
        this.host = host;
        this.port = port;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }
}
