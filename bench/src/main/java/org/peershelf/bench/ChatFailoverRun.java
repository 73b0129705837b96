package org.peershelf.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.chat.ChatEvent;
import org.peershelf.protocol.chat.ChatWire.RoomLine;

/**
 * One failover: a room hosted by a separate {@code peershelf node --chat-console} process, the members in this JVM
 * sending all the time; the host is SIGKILLed. Measures the time from the kill to the first line numbered by the
 * new host arriving at a member, and counts accepted messages missing (or doubled) at any member afterwards.
 */
final class ChatFailoverRun {
    record Result(double failoverMillis, int accepted, int lost, int duplicated) {
    }

    private ChatFailoverRun() {
    }

    static Result run(List<Peer> members, String registryUri, Duration heartbeat, int ratePerSecond) throws Exception {
        try (NodeProcess host = NodeProcess.start(List.of("-Xmx128m"), "--profile",
                Files.createTempDirectory("peershelf-bench-chat-host").toString(), "--registry", registryUri,
                "--name", "Bench host", "--heartbeat-ms", String.valueOf(heartbeat.toMillis()), "--status-every", "0",
                "--chat-console")) {
            host.when(l -> l.startsWith("ONLINE ")).get(60, TimeUnit.SECONDS);
            String hostId = host.output().stream().filter(l -> l.startsWith("ONLINE ")).findFirst().orElseThrow()
                    .replaceAll(".*device=([0-9a-f]{40}).*", "$1");
            await(() -> members.stream().allMatch(p -> p.node().links().all().stream()
                    .anyMatch(l -> l.remote().value().equals(hostId))), 60);
            host.send("create Failover " + members.stream().map(p -> p.node().deviceId().value())
                    .collect(Collectors.joining(" ")));
            host.when(l -> l.startsWith("ROOM id=")).get(30, TimeUnit.SECONDS);
            String room = host.output().stream().filter(l -> l.startsWith("ROOM id=")).findFirst().orElseThrow()
                    .replaceAll("ROOM id=(\\S+).*", "$1");
            await(() -> members.stream().allMatch(p -> p.chats().rooms().list().stream()
                    .anyMatch(r -> r.roomId().equals(room))), 30);
            Thread.sleep(3 * heartbeat.toMillis()); // scores shared

            AtomicLong firstThroughNewHost = new AtomicLong();
            List<Runnable> unsubscribe = new ArrayList<>();
            for (Peer p : members) {
                unsubscribe.add(p.chats().subscribe(e -> {
                    if (e instanceof ChatEvent.RoomMessage m && m.roomId().equals(room) && m.line().epoch() > 0
                            && !p.chats().rooms().summary(room).host().equals(p.node().deviceId())) {
                        firstThroughNewHost.compareAndSet(0, System.nanoTime());
                    }
                }));
            }
            List<String> accepted = new CopyOnWriteArrayList<>();
            AtomicBoolean talking = new AtomicBoolean(true);
            List<Thread> talkers = new ArrayList<>();
            long pause = Math.max(1, 1000L * members.size() / ratePerSecond);
            for (Peer p : members) {
                Thread t = new Thread(() -> {
                    for (int i = 0; talking.get(); i++) {
                        String text = p.presence().self().shortForm() + "-" + i;
                        p.chats().rooms().say(room, text);
                        accepted.add(text);
                        sleep(pause);
                    }
                });
                t.start();
                talkers.add(t);
            }
            Thread.sleep(2000);
            long kill = System.nanoTime();
            host.kill();
            await(() -> firstThroughNewHost.get() != 0, 60);
            double failover = (firstThroughNewHost.get() - kill) / 1e6;
            Thread.sleep(1000);
            talking.set(false);
            for (Thread t : talkers) {
                t.join();
            }
            await(() -> members.stream().allMatch(p -> p.chats().rooms().pending(room) == 0), 60);
            Thread.sleep(1000);
            int lost = 0;
            int duplicated = 0;
            for (Peer p : members) {
                List<String> texts = p.chats().rooms().history(room).stream().map(RoomLine::text).toList();
                Set<String> distinct = new HashSet<>(texts);
                duplicated += texts.size() - distinct.size();
                lost += (int) accepted.stream().filter(a -> !distinct.contains(a)).count();
            }
            unsubscribe.forEach(Runnable::run);
            return new Result(failover, accepted.size(), lost, duplicated);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(10);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
