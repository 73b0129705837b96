package org.peershelf.app.cli;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.peershelf.app.config.AppSettings;
import org.peershelf.app.wiring.PeerRuntime;
import org.peershelf.app.wiring.ProfileSetup;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.node.Threads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code peershelf node}: the same device as the desktop app, without a window. Ctrl-C leaves cleanly. */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = "Runs a headless peer and prints its state: device id, port, online peers with RTT.")
public final class NodeCommand implements Callable<Integer> {
    @Mixin
    NodeOptions options;

    @Mixin
    ShareOptions share;

    @Mixin
    DownloadOptions download;

    @Option(names = "--name", description = "Display name, to create the profile on first run.")
    String name;

    @Option(names = "--institution", description = "Institution, on first run.", defaultValue = "")
    String institution;

    @Option(names = "--field", description = "Field of research, on first run.", defaultValue = "")
    String field;

    @Option(names = "--status-every", description = "Seconds between status tables; 0 = only changes (default: ${DEFAULT-VALUE}).",
            defaultValue = "10")
    int statusEverySeconds;

    @Option(names = "--chat-console", description = "Read chat commands from standard input and print chat events (see README).")
    boolean chatConsole;

    @Override
    public Integer call() throws InterruptedException, IOException {
        AppSettings settings = options.toSettings();
        var metadata = share.active() ? share.metadata() : null; // bad flags fail before the peer starts
        download.validate();
        ProfileSetup setup = new ProfileSetup(settings.profileDir());
        UserProfile profile = setup.profileOrRegister(Optional.ofNullable(name), institution, field);
        NodeStatePrinter printer = new NodeStatePrinter(System.out);
        // events are printed on a thread of their own, in order: a network thread that handles a message must not
        // wait on the console (a reader of our output that stops reading would otherwise stall a link)
        ExecutorService console = Executors.newSingleThreadExecutor(Threads.daemon("peershelf-console"));
        PeerRuntime runtime = PeerRuntime.start(settings, profile, setup.device(), console);
        runtime.peer().node().subscribe(printer::onEvent);
        printer.printListening(runtime);
        runtime.peer().presence().announced().thenRun(() -> printer.printOnline(runtime));
        if (chatConsole) {
            runtime.peer().chats().subscribe(new ChatPrinter(printer)::onEvent);
            new ChatConsole(runtime.peer().chats(), printer).startReading(System.in);
        }
        download.start(runtime, printer);
        if (metadata != null) {
            try {
                share.share(runtime, metadata, printer);
            } catch (RuntimeException e) {
                runtime.close(); // e.g. a file that cannot be read: leave the network before reporting it
                throw e;
            }
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            drain(console); // what the peer said while leaving is printed before the last line
            printer.printLine("OFFLINE device=" + runtime.peer().node().deviceId());
            stopped.countDown();
        }, "peershelf-shutdown"));
        ScheduledExecutorService status = Executors.newSingleThreadScheduledExecutor(Threads.daemon("peershelf-status"));
        if (statusEverySeconds > 0) {
            status.scheduleAtFixedRate(() -> printer.printStatus(runtime), statusEverySeconds, statusEverySeconds,
                    TimeUnit.SECONDS);
        }
        stopped.await();
        return 0;
    }

    private static void drain(ExecutorService console) {
        console.shutdown();
        try {
            console.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
