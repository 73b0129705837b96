package org.peershelf.app.desktop.shell;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.peershelf.app.config.AppSettings;
import org.peershelf.app.desktop.repository.DesktopResources;
import org.peershelf.app.wiring.PeerRuntime;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.UserProfile;

/** A running device as the window needs it: the runtime (registry, peer) and the resource service. Blocking. */
record Session(PeerRuntime runtime, DesktopResources resources) implements AutoCloseable {
    static Session start(AppSettings settings, UserProfile profile, DeviceIdentity identity, Path repositoryFolder,
                         Executor ui) {
        PeerRuntime runtime = PeerRuntime.start(settings, profile, identity, ui);
        try {
            DesktopResources resources = DesktopResources.open(settings.profileDir(), repositoryFolder,
                    runtime.registry().registry(), profile.userId(), identity.deviceId(), ui);
            return new Session(runtime, resources);
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    /** Stops the outbox first (what is queued stays on disk for the next start), then leaves the network. */
    @Override
    public void close() {
        try {
            resources.close();
        } finally {
            runtime.close();
        }
    }
}
