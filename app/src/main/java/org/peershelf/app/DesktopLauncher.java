package org.peershelf.app;

/** Starts the JavaFX desktop app. Kept apart from Main so the headless commands never load JavaFX. */
final class DesktopLauncher {
    private DesktopLauncher() {
    }

    static void launch() {
        throw new org.peershelf.protocol.PeerShelfException(
                "The desktop window is not built yet in this version; run 'peershelf node' for a headless peer.");
    }
}
