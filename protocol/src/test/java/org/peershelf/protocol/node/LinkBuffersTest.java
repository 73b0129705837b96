package org.peershelf.protocol.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.PoolArenaMetric;
import io.netty.buffer.PooledByteBufAllocatorMetric;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Accepted and dialled links take their buffers from the node's one pool (one heap and one direct arena). */
@Tag("integration")
class LinkBuffersTest {
    private final TestNodes nodes = new TestNodes();

    @AfterEach
    void closeNodes() {
        nodes.close();
    }

    @Test
    void acceptedAndDialledLinksTakeTheirBuffersFromTheNodesOnePool() throws Exception {
        PeerNode dialler = nodes.start();
        PeerNode listener = nodes.start();

        dialler.dial(listener.deviceId(), "127.0.0.1", listener.port()).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.links().get(dialler.deviceId()).isPresent());

        for (PeerNode node : new PeerNode[] {dialler, listener}) {
            PooledByteBufAllocatorMetric pool = node.bufferMetric();
            assertThat(pool.numHeapArenas()).isEqualTo(1);
            assertThat(pool.numDirectArenas()).isEqualTo(1);
            assertThat(allocations(pool)).as("buffers the link's TLS and frames took from the node's pool").isPositive();
        }
    }

    private static long allocations(PooledByteBufAllocatorMetric pool) {
        return pool.heapArenas().stream().mapToLong(PoolArenaMetric::numAllocations).sum()
                + pool.directArenas().stream().mapToLong(PoolArenaMetric::numAllocations).sum();
    }
}
