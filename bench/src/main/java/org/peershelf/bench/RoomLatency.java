package org.peershelf.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.chat.ChatEvent;

/**
 * Offered load on one room: every member sends in turn so that the room gets {@code rate} messages/s; a message's
 * latency runs from the moment the app hands it to {@code say()} to its arrival at the last of all members (the
 * sender included: its own line comes back numbered by the host), as the Node.js baseline measures from its emit.
 */
final class RoomLatency {
    /**
     * @param cpuMsPerMessage     this JVM's CPU time (every peer and the registry) per message sent; NaN if not measured
     * @param segmentsPerMessage  TCP segments the machine sent per message (Linux {@code /proc/net/snmp}, every process:
     *                            run alone); NaN if not measured
     * @param p50ToHost           median time from say() to the line stored at the room's first member (its host
     *                            when the run started): the sender's outbox, the post, the host's log
     * @param p50HostToLast       median time from there to the last member: the relay
     */
    record Result(int rate, int sent, int delivered, double p50, double p99, double cpuMsPerMessage,
                  double segmentsPerMessage, double p50ToHost, double p50HostToLast) {
        boolean sustained() {
            return delivered == sent && p99 < 100;
        }
    }

    private final List<Peer> members;
    private final String room;
    private final Map<String, long[]> inFlight = new ConcurrentHashMap<>();
    private final List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Double> toHost = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Double> hostToLast = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<ExecutorService> senders = new ArrayList<>();
    private final AtomicLong next = new AtomicLong();

    RoomLatency(List<Peer> members, String room) {
        this.members = members;
        this.room = room;
        for (Peer peer : members) {
            senders.add(Executors.newSingleThreadExecutor());
            boolean host = peer == members.get(0);
            peer.chats().subscribe(event -> onEvent(event, host));
        }
    }

    private void onEvent(ChatEvent event, boolean atHost) {
        if (event instanceof ChatEvent.RoomMessage m && m.roomId().equals(room)) {
            long now = System.nanoTime();
            long[] entry = inFlight.get(m.line().text());
            if (entry != null) {
                synchronized (entry) {
                    if (atHost) {
                        entry[2] = now;
                    }
                    if (++entry[1] == members.size()) {
                        latencies.add((now - entry[0]) / 1e6);
                        toHost.add((entry[2] - entry[0]) / 1e6);
                        hostToLast.add((now - entry[2]) / 1e6);
                        inFlight.remove(m.line().text());
                    }
                }
            }
        }
    }

    Result run(int rate, double seconds) throws InterruptedException {
        latencies.clear();
        toHost.clear();
        hostToLast.clear();
        inFlight.clear();
        int total = (int) Math.round(rate * seconds);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long cpuStart = processCpuNanos();
        long segmentsStart = tcpSegmentsSent();
        long start = System.nanoTime();
        int[] sent = {0};
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        clock.scheduleAtFixedRate(() -> {
            long elapsed = System.nanoTime() - start;
            int due = (int) Math.min(total, elapsed * rate / 1_000_000_000L);
            while (sent[0] < due) {
                int i = sent[0]++;
                String text = "bench " + next.incrementAndGet();
                long[] entry = {0, 0, 0}; // said at, members that have it, stored at the host at
                inFlight.put(text, entry);
                Peer sender = members.get(i % members.size());
                senders.get(i % members.size()).execute(() -> {
                    synchronized (entry) {
                        entry[0] = System.nanoTime(); // sent: the app hands the message to say()
                    }
                    sender.chats().rooms().say(room, text);
                });
            }
            if (sent[0] >= total) {
                done.countDown();
            }
        }, 0, 2, TimeUnit.MILLISECONDS);
        done.await();
        clock.shutdownNow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (latencies.size() < total && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double cpuMsPerMessage = (processCpuNanos() - cpuStart) / 1e6 / total;
        long segmentsEnd = tcpSegmentsSent();
        double segmentsPerMessage = segmentsStart < 0 || segmentsEnd < 0 ? Double.NaN
                : (segmentsEnd - segmentsStart) / (double) total;
        List<Double> copy;
        synchronized (latencies) {
            copy = new ArrayList<>(latencies);
        }
        double p99 = copy.size() < total ? Double.POSITIVE_INFINITY : Stats.percentile(copy, 99);
        // let a backlog drain before the next rate, so runs do not overlap
        long drain = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (members.stream().anyMatch(p -> p.chats().rooms().pending(room) > 0) && System.nanoTime() < drain) {
            Thread.sleep(50);
        }
        return new Result(rate, total, copy.size(), Stats.percentile(copy, 50), p99, cpuMsPerMessage,
                segmentsPerMessage, median(toHost), median(hostToLast));
    }

    private static double median(List<Double> samples) {
        synchronized (samples) {
            return samples.isEmpty() ? Double.NaN : Stats.percentile(new ArrayList<>(samples), 50);
        }
    }

    /** The kernel's count of TCP segments sent (the "Tcp: … OutSegs" field of /proc/net/snmp), or -1 elsewhere. */
    private static long tcpSegmentsSent() {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/net/snmp"));
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).startsWith("Tcp:") && lines.get(i + 1).startsWith("Tcp:")) {
                    List<String> names = List.of(lines.get(i).split(" "));
                    return Long.parseLong(lines.get(i + 1).split(" ")[names.indexOf("OutSegs")]);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux, or another layout: the figure is left out
        }
        return -1;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    void close() {
        senders.forEach(ExecutorService::shutdownNow);
    }
}
