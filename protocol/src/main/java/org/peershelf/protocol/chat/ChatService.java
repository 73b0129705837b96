package org.peershelf.protocol.chat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.peershelf.protocol.chat.ChatWire.Score;
import org.peershelf.protocol.chat.direct.DirectChats;
import org.peershelf.protocol.chat.failover.LatencyScores;
import org.peershelf.protocol.chat.failover.ScoreSharing;
import org.peershelf.protocol.chat.log.ChatStores;
import org.peershelf.protocol.chat.log.DiskWriter;
import org.peershelf.protocol.chat.room.Rooms;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.node.EventPublisher;
import org.peershelf.protocol.node.NodeEvent;
import org.peershelf.protocol.node.PeerLink;
import org.peershelf.protocol.node.PeerNode;
import org.peershelf.protocol.presence.Mesh;
import org.peershelf.protocol.presence.PresenceService;
import org.peershelf.protocol.registry.RoomRegistry;
import org.peershelf.protocol.wire.Empty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chats of one device: one-to-one ({@link #direct()}) and rooms ({@link #rooms()}), with their files under
 * {@code <profile>/chats}. Events for the UI come through {@link #subscribe} on the node's event executor.
 * Must be constructed before the node starts (it registers its events), started once the device is online.
 */
public final class ChatService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);

    private final ChatContext ctx;
    private final ScheduledExecutorService chatThread = ChatThread.create("peershelf-chat");
    private final DiskWriter writer;
    private final LatencyScores scores;
    private final ScoreSharing scoreSharing;
    private final DirectChats direct;
    private final Rooms rooms;
    private volatile boolean closed;

    /**
     * @throws org.peershelf.protocol.store.WrongPassphraseException if the configured passphrase does not open the
     *         chat key file
     */
    public ChatService(PeerNode node, Mesh mesh, PresenceService presence, RoomRegistry registry, UserId user,
                       Path chatDir, ChatConfig config, Clock clock, Executor eventExecutor) {
        this.writer = new DiskWriter("peershelf-chat-disk", config.fsync());
        ChatStores stores;
        try {
            stores = ChatStores.open(chatDir, config.passphrase(), config.fsync());
        } catch (RuntimeException e) {
            close(); // the threads
            throw e;
        }
        this.ctx = new ChatContext(node, mesh, presence, registry, user, config, clock,
                new EventPublisher<>(eventExecutor), writer, stores, chatThread);
        this.scores = new LatencyScores(node.links(), node.deviceId(), config.hostPenaltyMillis(),
                config.scoreInterval().toMillis() * 5, clock::millis);
        this.scoreSharing = new ScoreSharing(config.scoreInterval().toMillis() * 3);
        this.direct = new DirectChats(ctx);
        this.rooms = new Rooms(ctx, scores);
        direct.register(node.router());
        rooms.register(node.router());
        node.router().registerSync(ChatEvents.SCORE, (link, score) -> {
            scores.record(score.roomId(), link.remote(), score.scoreMicros() / 1000.0);
            return Empty.INSTANCE;
        });
        node.internalEvents().subscribe(this::onNodeEvent);
    }

    /** Starts the timers and, once the device is online, aligns rooms with the registry. */
    public void start() {
        long every = ctx.config().retryInterval().toMillis();
        chatThread.scheduleWithFixedDelay(guarded("tick", this::tick), every, every, TimeUnit.MILLISECONDS);
        long scoreEvery = ctx.config().scoreInterval().toMillis();
        chatThread.scheduleWithFixedDelay(guarded("scores", this::shareScores), scoreEvery / 2, scoreEvery,
                TimeUnit.MILLISECONDS);
        ctx.presence().announced().thenRun(() -> chatThread.execute(guarded("reconcile", rooms::reconcile)));
    }

    public DirectChats direct() {
        return direct;
    }

    public Rooms rooms() {
        return rooms;
    }

    public Runnable subscribe(Consumer<? super ChatEvent> listener) {
        return ctx.events().subscribe(listener);
    }

    public boolean encrypted() {
        return ctx.stores().encrypted();
    }

    private void onNodeEvent(NodeEvent event) {
        if (closed) {
            return;
        }
        if (event instanceof NodeEvent.LinkUp up) {
            chatThread.execute(guarded("link up", () -> {
                direct.onLinkUp(up.peer());
                rooms.onLinkUp(up.peer());
            }));
        } else if (event instanceof NodeEvent.LinkDown down) {
            rooms.onLinkDown(down.peer());
            chatThread.execute(guarded("link down", () -> scoreSharing.forget(down.peer())));
        }
    }

    private void tick() {
        direct.tick();
        rooms.tick();
    }

    private void shareScores() {
        for (Map.Entry<String, List<DeviceId>> room : rooms.activeRooms().entrySet()) {
            double own = scores.own(room.getValue());
            if (Double.isNaN(own)) {
                continue;
            }
            Score score = new Score(room.getKey(), Math.round(own * 1000));
            long now = ctx.clock().millis();
            for (DeviceId member : room.getValue()) {
                if (member.equals(ctx.self())) {
                    continue;
                }
                ctx.node().links().get(member).filter(PeerLink::isOpen)
                        .filter(link -> scoreSharing.shouldSend(room.getKey(), member, own, now))
                        .ifPresent(link -> link.request(ChatEvents.SCORE, score));
            }
        }
    }

    private Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Chat {} failed", what, e);
            }
        };
    }

    /** Saves state and closes the files; call after the node stopped serving events. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        chatThread.shutdownNow();
        writer.close();
        if (rooms != null) {
            rooms.close();
        }
        if (direct != null) {
            direct.close();
        }
    }
}
