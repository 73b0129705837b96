package org.peershelf.protocol.node;

import io.socket.client.Manager;
import io.socket.client.Socket;
import java.lang.reflect.Field;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the ping-timeout timers of every dialled link on the node's timer thread. engine.io-client 2.1
 * gives each socket a single-thread scheduler of its own (a thread per link, ~49 on a full mesh of 50,
 * each with its stack), and offers no option to share one; its private field is set instead, as soon as
 * the engine exists and before its handshake can start the first timer. If a later library version
 * renames the fields, links keep working with the library's own threads and a warning says so.
 */
final class SharedEngineHeartbeats {
    private static final Logger LOG = LoggerFactory.getLogger(SharedEngineHeartbeats.class);

    private final ScheduledExecutorService timers;
    private final Field managerEngine;
    private final Field engineScheduler;

    SharedEngineHeartbeats(ScheduledExecutorService timers) {
        this.timers = timers;
        Field engine = null;
        Field scheduler = null;
        try {
            engine = accessible(Manager.class.getDeclaredField("engine"));
            scheduler = accessible(io.socket.engineio.client.Socket.class.getDeclaredField("heartbeatScheduler"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("engine.io-client internals changed; every peer link keeps a heartbeat thread of its own ({})",
                    e.toString());
        }
        this.managerEngine = scheduler == null ? null : engine;
        this.engineScheduler = engine == null ? null : scheduler;
    }

    /** Call before {@code socket.connect()}. */
    void install(Socket socket) {
        if (managerEngine == null || engineScheduler == null) {
            return;
        }
        Manager manager = socket.io();
        // emitted on the client's event thread when the engine creates its transport, before any packet
        manager.on(Manager.EVENT_TRANSPORT, args -> share(manager));
    }

    private void share(Manager manager) {
        try {
            Object engine = managerEngine.get(manager);
            if (engine != null && !(engineScheduler.get(engine) instanceof BorrowedScheduler)) {
                Object own = engineScheduler.get(engine);
                if (own instanceof ScheduledExecutorService executor) {
                    executor.shutdownNow(); // not expected: the first timer starts only after the handshake
                }
                engineScheduler.set(engine, new BorrowedScheduler(timers));
            }
        } catch (IllegalAccessException | RuntimeException e) {
            LOG.warn("Could not share the heartbeat timer of a peer link; it keeps a thread of its own ({})",
                    e.toString());
        }
    }

    private static Field accessible(Field field) {
        field.setAccessible(true);
        return field;
    }
}
