package org.peershelf.protocol.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.config.ConnectionLimits;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.identity.DeviceIdentity;

/** Per-address connection limits of the peer server, with real TCP sockets and real peers on loopback. */
class ConnectionLimitTest {
    private final TestNodes nodes = new TestNodes();
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        nodes.close();
    }

    @Test
    void connectionsBeyondTheLimitPerAddressAreClosedAtOnceAndAFreedSlotIsUsableAgain() throws Exception {
        PeerNode server = nodes.start(limited(new ConnectionLimits(16, 10, 30, 4, 1000, 1000)), DeviceIdentity.generate());
        for (int i = 0; i < 4; i++) {
            assertTrue(staysOpen(open(server)), "connection " + (i + 1) + " of 4 is served");
        }
        Socket fifth = open(server);
        assertFalse(staysOpen(fifth), "the fifth concurrent connection is refused");
        sockets.get(0).close();
        awaitSlotFreed(server);
    }

    @Test
    void anAddressThatConnectsTooOftenIsRefusedEvenWithItsConnectionsClosed() throws Exception {
        PeerNode server = nodes.start(limited(new ConnectionLimits(16, 10, 30, 100, 0.01, 3)), DeviceIdentity.generate());
        for (int i = 0; i < 3; i++) {
            Socket s = open(server);
            assertTrue(staysOpen(s), "attempt " + (i + 1) + " of the burst is served");
            s.close();
        }
        assertFalse(staysOpen(open(server)), "the fourth attempt within the burst window is refused");
    }

    @Test
    void theDefaultsLetSeventyConnectionsFromLoopbackThroughAndPeersStillLink() throws Exception {
        PeerNode server = nodes.start(TestNodes.fastConfig(), DeviceIdentity.generate());
        for (int i = 0; i < 70; i++) {
            open(server);
        }
        for (int i = 0; i < 70; i += 10) {
            assertTrue(staysOpen(sockets.get(i)), "connection " + (i + 1) + " of 70 from 127.0.0.1 is served");
        }
        PeerNode peer = nodes.start();
        assertEquals(server.deviceId(), peer.dial(server.deviceId(), "127.0.0.1", server.port())
                .get(5, TimeUnit.SECONDS).remote());
    }

    @Test
    void aRealPeerIsRefusedWhileItsAddressIsAtTheLimit() throws Exception {
        PeerNode server = nodes.start(limited(new ConnectionLimits(16, 10, 30, 2, 1000, 1000)), DeviceIdentity.generate());
        open(server);
        open(server);
        assertTrue(staysOpen(sockets.get(1)));
        PeerNode peer = nodes.start();
        boolean linked;
        try {
            peer.dial(server.deviceId(), "127.0.0.1", server.port()).get(5, TimeUnit.SECONDS);
            linked = true;
        } catch (java.util.concurrent.ExecutionException e) {
            linked = false;
        }
        assertFalse(linked, "the limit applies to peers too: a third connection from the address is refused");
        sockets.get(0).close();
        sockets.get(1).close();
        awaitSlotFreedFor(server, peer);
    }

    private void awaitSlotFreed(PeerNode server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (staysOpen(open(server))) {
                return;
            }
        }
        throw new AssertionError("a closed connection never freed its slot");
    }

    private void awaitSlotFreedFor(PeerNode server, PeerNode peer) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                peer.dial(server.deviceId(), "127.0.0.1", server.port()).get(5, TimeUnit.SECONDS);
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                Thread.sleep(100); // the server notices the closed sockets asynchronously
            }
        }
        throw new AssertionError("the peer could not link once the address was below its limit");
    }

    private static NodeConfig limited(ConnectionLimits limits) {
        return TestNodes.fastConfig().withConnectionLimits(limits);
    }

    private Socket open(PeerNode server) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
        sockets.add(s);
        return s;
    }

    /** An accepted connection waits for our TLS hello; a refused one is closed by the server at once. */
    private static boolean staysOpen(Socket s) throws IOException {
        s.setSoTimeout(400);
        try {
            return s.getInputStream().read() >= 0;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false; // reset by the server
        }
    }
}
