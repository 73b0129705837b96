package org.peershelf.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.peershelf.app.config.AppSettings;
import org.peershelf.app.demo.DemoNetwork;
import org.peershelf.app.wiring.ProfileSetup;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code peershelf demo}: a populated network on this computer within seconds, then the app on it.
 * The demo user gets a fresh profile each run (unless {@code --profile} names one), so the demo never
 * touches the user's real profile.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Starts a demo network on this computer (a registry and three colleagues with sample "
                + "resources and a chat room) and opens the app on it.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--profile", description = "Profile folder of the demo user (default: a new temporary folder).")
    Path profile;

    @Option(names = "--name", description = "Your name in the demo (default: ${DEFAULT-VALUE}).", defaultValue = "Ada Lovelace")
    String name;

    @Option(names = "--no-window", description = "Only run the demo network; print how to join it.")
    boolean noWindow;

    private final DesktopWindow window;

    /** Opens the desktop app with the given settings and returns when it has closed. */
    @FunctionalInterface
    public interface DesktopWindow {
        void open(AppSettings settings) throws InterruptedException;
    }

    public DemoCommand(DesktopWindow window) {
        this.window = window;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("peershelf-demo");
        Path userProfile = profile != null ? profile : work.resolve("you");
        ProfileSetup setup = new ProfileSetup(userProfile);
        if (setup.existingProfile().isEmpty()) {
            setup.register(UserProfile.create(name, "University of London", "Mathematics"));
        }
        DeviceId guest = setup.device().deviceId();
        NodeConfig config = NodeConfig.defaults();
        try (DemoNetwork network = DemoNetwork.start(work.resolve("colleagues"), guest, config)) {
            AppSettings settings = new AppSettings(userProfile, Optional.of(network.registryUri()),
                    AppSettings.DEFAULT_EMBEDDED_PORT, config);
            System.out.println("DEMO registry=" + network.registryUri() + " profile=" + userProfile + " room="
                    + network.roomId());
            if (noWindow) {
                System.out.println("Join it with: peershelf --profile " + userProfile + " --registry "
                        + network.registryUri() + "   (Ctrl-C ends the demo)");
                awaitShutdown(network);
            } else {
                window.open(settings);
            }
        }
        return 0;
    }

    /** Ctrl-C: the colleagues leave the network cleanly before the JVM ends. */
    private static void awaitShutdown(DemoNetwork network) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            network.close();
            stopped.countDown();
        }, "peershelf-demo-shutdown"));
        stopped.await();
    }
}
