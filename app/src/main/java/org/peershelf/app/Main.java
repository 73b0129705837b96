package org.peershelf.app;

import java.util.concurrent.Callable;
import org.peershelf.app.cli.NodeCommand;
import org.peershelf.app.cli.NodeOptions;
import org.peershelf.app.cli.RegistryCommand;
import org.peershelf.app.cli.DemoCommand;
import org.peershelf.protocol.PeerShelfException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code peershelf}: the desktop app; {@code peershelf node}: a headless peer; {@code peershelf registry}:
 * a registry for a lab. Errors meant for people are printed as one line, without a stack trace.
 */
@Command(name = "peershelf", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {NodeCommand.class, RegistryCommand.class},
        description = "Share papers, datasets, code and slides with other academics, peer to peer.")
public final class Main implements Callable<Integer> {
    @Mixin
    NodeOptions options;

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.addSubcommand("demo", new DemoCommand(org.peershelf.app.desktop.DesktopLauncher::launch));
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof PeerShelfException) {
                cmd.getErr().println("peershelf: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        int exit = commandLine.execute(args);
        // the desktop app too: library threads (driver, netty) must not keep the JVM alive after the window closed
        System.exit(exit);
    }

    /** No command: the desktop window; it returns once the window has closed and the device is offline. */
    @Override
    public Integer call() throws InterruptedException {
        org.peershelf.app.desktop.DesktopLauncher.launch(options.toSettings());
        return 0;
    }
}
