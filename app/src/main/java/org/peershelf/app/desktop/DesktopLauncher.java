package org.peershelf.app.desktop;

import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.peershelf.app.config.AppSettings;
import org.peershelf.app.desktop.shell.PeerShelfApplication;
import org.peershelf.protocol.PeerShelfException;
import org.peershelf.registry.probe.RegistryProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the desktop app and returns when its window has closed and the device is offline. The
 * application gets its settings through its constructor (no static hand-over): the toolkit is started
 * with {@link Platform#startup} and the application's {@code start} is called on it as
 * {@code Application.launch} would.
 */
public final class DesktopLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopLauncher.class);

    private DesktopLauncher() {
    }

    public static void launch(AppSettings settings) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        PeerShelfApplication app = new PeerShelfApplication(new DesktopOptions(settings, RegistryProbe.DEFAULT_TIMEOUT,
                () -> {
                    Platform.exit();
                    closed.countDown();
                }));
        try {
            Platform.startup(() -> {
                Platform.setImplicitExit(false);
                app.start(new Stage());
            });
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // the toolkit says "Unable to open DISPLAY" and similar; say what a person can do about it
            throw new PeerShelfException("The desktop window cannot open here (" + e.getMessage() + "). It needs a "
                    + "graphical session; on a server run 'peershelf node' for a headless peer.", e);
        }
        closed.await();
        LOG.info("Desktop app closed");
    }
}
