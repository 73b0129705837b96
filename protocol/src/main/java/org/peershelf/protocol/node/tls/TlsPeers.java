package org.peershelf.protocol.node.tls;

import java.net.SocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.peershelf.protocol.identity.DeviceId;

/**
 * Which device each open TLS connection to our server authenticated as, by the connection's
 * remote address. The link handshake looks its connection up here, so the device id it accepts is
 * the one whose key the TLS session proved: a relay cannot pass on another device's handshake.
 */
public final class TlsPeers {
    private final Map<SocketAddress, DeviceId> byAddress = new ConcurrentHashMap<>();

    void put(SocketAddress remote, DeviceId device) {
        byAddress.put(remote, device);
    }

    void remove(SocketAddress remote, DeviceId device) {
        byAddress.remove(remote, device);
    }

    public Optional<DeviceId> deviceAt(SocketAddress remote) {
        return Optional.ofNullable(byAddress.get(remote));
    }

    public int size() {
        return byAddress.size();
    }
}
