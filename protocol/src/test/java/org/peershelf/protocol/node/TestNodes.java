package org.peershelf.protocol.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.identity.DeviceIdentity;

/** Starts real nodes on loopback for tests and closes them all at the end. */
public final class TestNodes implements AutoCloseable {
    private final List<PeerNode> started = new ArrayList<>();

    public static NodeConfig fastConfig() {
        return NodeConfig.defaults().withHeartbeat(Duration.ofMillis(500));
    }

    public PeerNode start() {
        return start(fastConfig(), DeviceIdentity.generate());
    }

    public PeerNode start(NodeConfig config, DeviceIdentity identity) {
        PeerNode node = create(config, identity);
        node.start();
        return node;
    }

    /** A node not started yet, so the caller can register handlers first. */
    public PeerNode create(NodeConfig config, DeviceIdentity identity) {
        PeerNode node = new PeerNode(config, identity, Runnable::run);
        started.add(node);
        return node;
    }

    @Override
    public void close() {
        started.forEach(PeerNode::close);
    }
}
