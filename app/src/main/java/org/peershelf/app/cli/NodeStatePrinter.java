package org.peershelf.app.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.peershelf.app.wiring.PeerRuntime;
import org.peershelf.protocol.node.NodeEvent;
import org.peershelf.protocol.node.PeerLink;
import org.peershelf.protocol.registry.OnlineDevice;

/**
 * The headless peer's output: one line per change, and a status table on request. Lines start with a
 * fixed word (LISTENING, ONLINE, LINK-UP, LINK-DOWN, VIEW, REGISTRY, REANNOUNCED, STATUS, PEER) so scripts and
 * tests can read them.
 */
final class NodeStatePrinter {
    private final PrintStream out;

    NodeStatePrinter(PrintStream out) {
        this.out = out;
    }

    void printListening(PeerRuntime runtime) {
        printLine("LISTENING device=" + runtime.peer().node().deviceId() + " port=" + runtime.peer().node().port());
    }

    /** Printed once the device is in the registry's online list. */
    void printOnline(PeerRuntime runtime) {
        printLine("ONLINE device=" + runtime.peer().node().deviceId() + " port=" + runtime.peer().node().port()
                + " registry=\"" + runtime.registry().description() + "\"");
    }

    void onEvent(NodeEvent event) {
        if (event instanceof NodeEvent.LinkUp up) {
            printLine("LINK-UP peer=" + up.peer() + (up.outbound() ? " dialled" : " accepted"));
        } else if (event instanceof NodeEvent.LinkDown down) {
            printLine("LINK-DOWN peer=" + down.peer() + " reason=\"" + down.reason() + "\"" + (down.peerLeft() ? " left" : ""));
        } else if (event instanceof NodeEvent.OnlineViewChanged view) {
            printLine("VIEW online=" + view.online().size() + " peers="
                    + String.join(",", view.online().stream().map(d -> d.deviceId().value()).toList()));
        } else if (event instanceof NodeEvent.RegistryStateChanged registry) {
            printLine("REGISTRY " + (registry.reachable() ? "up" : "down") + " \"" + registry.message() + "\"");
        } else if (event instanceof NodeEvent.Reannounced again) {
            printLine("REANNOUNCED epoch=" + again.newEpoch());
        }
    }

    void printStatus(PeerRuntime runtime) {
        var node = runtime.peer().node();
        var view = runtime.peer().presence().view();
        printLine(String.format(Locale.ROOT, "STATUS device=%s port=%d online=%d links=%d registry=%s",
                node.deviceId().shortForm(), node.port(), view.size(), node.links().all().size(),
                runtime.peer().presence().registryReachable() ? "up" : "down"));
        for (OnlineDevice device : view) {
            String rtt = node.links().get(device.deviceId()).map(PeerLink::rtt)
                    .map(r -> Double.isNaN(r.smoothedMillis()) ? "-" : String.format(Locale.ROOT, "%.1fms", r.smoothedMillis()))
                    .orElse("no link");
            printLine("PEER " + device.deviceId().shortForm() + " " + device.host() + ":" + device.port() + " rtt=" + rtt);
        }
    }

    synchronized void printLine(String line) {
        out.println(line);
        out.flush();
    }
}
