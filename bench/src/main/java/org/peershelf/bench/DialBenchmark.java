package org.peershelf.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.node.PeerLink;
import org.peershelf.protocol.node.PeerNode;

/**
 * The cost of opening one authenticated link (connect, websocket upgrade, signed-challenge handshake)
 * between two nodes in this JVM: wall time per dial and CPU time of the whole process per dial, which
 * bounds how fast a large mesh can form on two cores. Baseline: one acked ping over an open link.
 */
public final class DialBenchmark {
    public static void main(String[] args) throws Exception {
        int dials = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // plain links first (the baseline, as before TLS), then the default TLS 1.3 links, in one process
        for (boolean plain : new boolean[] {true, false}) {
            NodeConfig config = NodeConfig.defaults().withPlainLinks(plain);
            try (PeerNode a = new PeerNode(config, DeviceIdentity.generate(), Runnable::run);
                 PeerNode b = new PeerNode(config, DeviceIdentity.generate(), Runnable::run)) {
                a.start();
                int port = b.start();
                for (int i = 0; i < 200; i++) { // warm-up: let the JIT compile the handshake path
                    dialAndClose(a, b, port);
                }
                List<Double> wall = new ArrayList<>();
                long cpuBefore = os.getProcessCpuTime();
                for (int i = 0; i < dials; i++) {
                    long start = System.nanoTime();
                    dialAndClose(a, b, port);
                    wall.add((System.nanoTime() - start) / 1e6);
                }
                double cpuPerDial = (os.getProcessCpuTime() - cpuBefore) / 1e6 / dials;
                String mode = plain ? "plain" : "TLS 1.3";
                System.out.println(Stats.format(mode + ": dial + handshake + close", wall, "ms"));
                System.out.printf(Locale.ROOT, "%s: process CPU per dial: %.2f ms%n", mode, cpuPerDial);
            }
        }
        System.exit(0);
    }

    private static void dialAndClose(PeerNode a, PeerNode b, int port) throws Exception {
        PeerLink link = a.dial(b.deviceId(), "127.0.0.1", port).get(10, TimeUnit.SECONDS);
        link.close("bench");
        while (b.links().get(a.deviceId()).isPresent() || a.links().get(b.deviceId()).isPresent()) {
            Thread.sleep(1);
        }
    }
}
