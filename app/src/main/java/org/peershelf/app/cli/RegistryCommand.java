package org.peershelf.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.peershelf.app.config.AppSettings;
import org.peershelf.registry.MongoRegistry;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code peershelf registry}: hosts a registry (the embedded MongoDB-wire server, H2 file) for a lab. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "Hosts a PeerShelf registry for several computers; point every app at the URI it prints.")
public final class RegistryCommand implements Callable<Integer> {
    @Option(names = "--bind", description = "Address to listen on (default: ${DEFAULT-VALUE}; use 0.0.0.0 for a lab network).",
            defaultValue = EmbeddedRegistryServer.LOOPBACK)
    String bind;

    @Option(names = "--port", description = "Port (default: ${DEFAULT-VALUE}).", defaultValue = "" + AppSettings.DEFAULT_EMBEDDED_PORT)
    int port;

    @Option(names = "--data", description = "Folder for the registry's H2 file (default: ~/.peershelf/registry).")
    Path data;

    @Override
    public Integer call() throws InterruptedException {
        Path folder = data != null ? data : AppSettings.defaultProfileDir("registry");
        EmbeddedRegistryServer server = EmbeddedRegistryServer.startInProfileFolder(folder, bind, port);
        // run the migrations now, so the first peer does not have to
        MongoRegistry.open(server.connectionString()).close();
        System.out.println("REGISTRY listening uri=" + server.connectionString() + " data=" + server.file().orElse(null));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "peershelf-registry-shutdown"));
        stopped.await();
        return 0;
    }
}
