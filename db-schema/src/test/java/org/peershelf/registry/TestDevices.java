package org.peershelf.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.OnlineDevice;

/** Readable ids and online entries for tests. */
public final class TestDevices {
    public static final long NOW = 1_700_000_000_000L;
    public static final long FRESHNESS = 30_000L;
    public static final long FRESH_SINCE = NOW - FRESHNESS;

    private TestDevices() {
    }

    public static DeviceId device(int n) {
        return DeviceId.of(String.format("%040x", n));
    }

    public static OnlineDevice online(DeviceId id, long epoch, long lastHeartbeat) {
        return new OnlineDevice(id, new UserId("user-of-" + id.shortForm()), "10.0.0." + (id.hashCode() & 0x7f),
                40_000 + (id.hashCode() & 0xfff), epoch, lastHeartbeat, Set.of());
    }

    /** A loopback port that nothing listens on (free a moment ago), for "connection refused". */
    public static int closedLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
