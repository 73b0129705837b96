package org.peershelf.app.desktop.shell;

import java.util.concurrent.Executor;
import org.peershelf.app.config.AppSettings;
import org.peershelf.app.desktop.repository.DesktopResources;
import org.peershelf.app.wiring.PeerRuntime;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.UserProfile;

/** A running device as the window needs it: the runtime (registry, peer) and its resource service. Blocking. */
record Session(PeerRuntime runtime, DesktopResources resources) implements AutoCloseable {
    static Session start(AppSettings settings, UserProfile profile, DeviceIdentity identity, Executor ui) {
        PeerRuntime runtime = PeerRuntime.start(settings, profile, identity, ui);
        return new Session(runtime, DesktopResources.of(runtime.peer(), profile.userId()));
    }

    /** Leaves the network; the peer stops its outbox (what is queued stays on disk) and transfers. */
    @Override
    public void close() {
        runtime.close();
    }
}
