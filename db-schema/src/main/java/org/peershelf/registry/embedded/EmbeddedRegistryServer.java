package org.peershelf.registry.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry that one peer hosts for a group: mongo-java-server speaking the MongoDB wire protocol,
 * with its data in an H2 file (or in memory, for tests). It has no authentication, so it listens on
 * loopback unless told otherwise. Clients connect with {@link #connectionString()} like to any MongoDB.
 */
public final class EmbeddedRegistryServer implements AutoCloseable {
    public static final String LOOPBACK = "127.0.0.1";
    /** The file name inside a profile folder. */
    public static final String FILE_NAME = "registry.mv.db";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRegistryServer.class);

    private final MongoServer server;
    private final String host;
    private final int port;
    private final Path file;
    private boolean closed;

    private EmbeddedRegistryServer(MongoServer server, String host, int port, Path file) {
        this.server = server;
        this.host = host;
        this.port = port;
        this.file = file;
    }

    /** In memory, on loopback, on any free port: for tests. */
    public static EmbeddedRegistryServer startInMemory() {
        return startInMemory(LOOPBACK, 0);
    }

    public static EmbeddedRegistryServer startInMemory(String host, int port) {
        return start(new MemoryBackend(), host, port, null);
    }

    /** Data in {@code <profileFolder>/registry.mv.db}. */
    public static EmbeddedRegistryServer startInProfileFolder(Path profileFolder, String host, int port) {
        return startOnFile(profileFolder.resolve(FILE_NAME), host, port);
    }

    /** {@link #startOnFile(Path, String, int, H2StoreSettings)} with {@link H2StoreSettings#DEFAULT}. */
    public static EmbeddedRegistryServer startOnFile(Path file, String host, int port) {
        return startOnFile(file, host, port, H2StoreSettings.DEFAULT);
    }

    /**
     * Data in the given H2 file, created if missing.
     *
     * @param host the address to listen on; {@value #LOOPBACK} keeps it to this machine
     * @param port 0 for any free port
     * @param settings how the H2 file is opened (cache, compaction)
     * @throws RegistryPortInUseException if the port is taken
     * @throws EmbeddedRegistryException if the file or address cannot be used
     */
    public static EmbeddedRegistryServer startOnFile(Path file, String host, int port, H2StoreSettings settings) {
        Path absolute = file.toAbsolutePath();
        return start(openH2(absolute, settings), host, port, absolute);
    }

    private static EmbeddedRegistryServer start(MongoBackend backend, String host, int port, Path file) {
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            // MongoServer has already shut itself (and the backend) down
            throw bindFailure(host, port, e);
        } catch (Exception e) {
            // Netty rethrows java.net.BindException undeclared, past MongoServer's own clean-up
            server.shutdownNow();
            throw bindFailure(host, port, e);
        }
        int boundPort = server.getLocalAddress().getPort();
        EmbeddedRegistryServer started = new EmbeddedRegistryServer(server, host, boundPort, file);
        warnIfReachableFromNetwork(host, boundPort);
        LOG.info("Started {}", started.describe());
        return started;
    }

    private static H2Backend openH2(Path file, H2StoreSettings settings) {
        try {
            Files.createDirectories(file.getParent());
            MVStore store = new MVStore.Builder().fileName(file.toString())
                    .autoCompactFillRate(settings.autoCompactFillRate())
                    .cacheSize(settings.cacheSizeMb())
                    .open();
            try {
                return new IndexKeyedH2Backend(store);
            } catch (RuntimeException e) {
                store.closeImmediately(); // else the file stays locked by this process
                throw e;
            }
        } catch (IOException e) {
            throw new EmbeddedRegistryException("The folder for the registry file " + file
                    + " cannot be created: " + e.getMessage(), e);
        } catch (MVStoreException e) {
            throw new EmbeddedRegistryException("The registry file " + file + " cannot be opened. It may be in use "
                    + "by another PeerShelf, or damaged (restore it from a backup, or move it away to start "
                    + "an empty registry). Details: " + e.getMessage(), e);
        }
    }

    private static EmbeddedRegistryException bindFailure(String host, int port, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            boolean inUse = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("in use");
            if (t instanceof BindException && inUse) {
                return new RegistryPortInUseException(host, port, e);
            }
        }
        return new EmbeddedRegistryException("The embedded registry cannot listen on " + host + ":" + port
                + ". Check that this address belongs to this computer. Details: " + e.getMessage(), e);
    }

    private static void warnIfReachableFromNetwork(String host, int port) {
        try {
            InetAddress address = InetAddress.getByName(host);
            if (address.isLoopbackAddress()) {
                return;
            }
        } catch (UnknownHostException e) {
            // it did bind, so the name resolved a moment ago; treat as reachable and warn
        }
        LOG.warn("The embedded registry listens on {}:{}, which other computers can reach. It has no password: "
                + "anyone who can reach this port can read and change the registry. Use 127.0.0.1 unless peers on "
                + "this network are meant to use it.", host, port);
    }

    /** For clients on this computer; a wildcard bind is reached through loopback. */
    public String connectionString() {
        return "mongodb://" + clientHost() + ":" + port;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The H2 file, or empty when the data is only in memory. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    public String describe() {
        String where = file == null ? "in memory" : file.toString();
        return "embedded registry on " + clientHost() + ":" + port + " (" + where + ")";
    }

    /** Disconnects clients, stops listening and closes the backend, which flushes the H2 file. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdownNow();
        LOG.info("Stopped embedded registry on port {}", port);
    }

    private String clientHost() {
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            return LOOPBACK;
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        return describe();
    }
}
