package org.peershelf.protocol.node;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.peershelf.protocol.PeerShelfException;
import org.peershelf.protocol.config.RequestLimits;
import org.peershelf.protocol.wire.Empty;
import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.EventType;
import org.peershelf.protocol.wire.ProtocolException;
import org.peershelf.protocol.wire.WireCodec;
import org.peershelf.protocol.wire.WireReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps event names to handlers and turns every outcome into an acknowledgement: the handler's reply,
 * or an error code for malformed, unknown or refused events. Nothing a peer sends can throw past it.
 * Handlers must be registered before the node starts: the transports subscribe to these names then.
 */
public final class EventRouter {
    private static final Logger LOG = LoggerFactory.getLogger(EventRouter.class);

    /** @param quick the handler never blocks: it may run on the network thread when the link's inbox is idle */
    private record Route<Q, R>(EventType<Q, R> type, EventHandler<Q, R> handler, boolean quick) {
    }

    private record BinaryRoute<H>(EventType<H, Empty> type, BinaryHandler<H> handler) {
    }

    private final Map<String, Route<?, ?>> routes = new ConcurrentHashMap<>();
    private final Map<String, BinaryRoute<?>> binaryRoutes = new ConcurrentHashMap<>();
    private final WireCodec codec;
    private final LinkAbuseGuard abuse;
    private final RequestRateLimiter rate;

    public EventRouter(WireCodec codec, LinkAbuseGuard abuse) {
        this(codec, abuse, new RequestRateLimiter(RequestLimits.defaults()));
    }

    public EventRouter(WireCodec codec, LinkAbuseGuard abuse, RequestRateLimiter rate) {
        this.codec = codec;
        this.abuse = abuse;
        this.rate = rate;
    }

    public <Q, R> void register(EventType<Q, R> type, EventHandler<Q, R> handler) {
        add(new Route<>(type, handler, false));
    }

    /**
     * As {@link #register}, for a handler that never blocks (no registry, no file or network I/O of its own, no
     * waiting on locks held long): when nothing else of the link is queued it runs on the network thread, which
     * saves two thread hand-offs per event (to a worker and, for the reply, back to the event loop). Events of one
     * link still run one at a time in arrival order.
     */
    public <Q, R> void registerQuick(EventType<Q, R> type, EventHandler<Q, R> handler) {
        add(new Route<>(type, handler, true));
    }

    private void add(Route<?, ?> route) {
        if (routes.putIfAbsent(route.type().name(), route) != null) {
            throw new IllegalStateException("two handlers for " + route.type().name());
        }
    }

    public <Q, R> void registerSync(EventType<Q, R> type, BiFunction<PeerLink, Q, R> handler) {
        register(type, (link, request) -> CompletableFuture.completedFuture(handler.apply(link, request)));
    }

    /** Serves an event that arrives with bytes on {@link org.peershelf.protocol.wire.Events#BINARY_CHANNEL}. */
    public <H> void registerBinary(EventType<H, Empty> type, BinaryHandler<H> handler) {
        if (binaryRoutes.putIfAbsent(type.name(), new BinaryRoute<>(type, handler)) != null) {
            throw new IllegalStateException("two handlers for " + type.name());
        }
    }

    /** Called on a network thread with the raw arguments of a binary event; the handler runs on the link's inbox. */
    public void dispatchBinary(PeerLink link, String event, Object header, Object length, Object attachment,
                               Consumer<String> reply) {
        link.touch();
        if (!rate.admit(link)) {
            reply.accept(codec.encodeReply(WireReply.failure(ErrorCodes.RATE_LIMITED, "Too many requests; slow down.")));
            return;
        }
        BinaryRoute<?> route = binaryRoutes.get(event);
        if (route == null) {
            refuse(link, reply, new ProtocolException(ErrorCodes.UNKNOWN_EVENT, "Unknown binary event " + event + "."));
            return;
        }
        link.inbox().execute(() -> runBinary(route, link, header, length, attachment, reply));
    }

    private <H> void runBinary(BinaryRoute<H> route, PeerLink link, Object rawHeader, Object length, Object attachment,
                               Consumer<String> reply) {
        H header;
        byte[] data;
        try {
            if (!(rawHeader instanceof String json)) {
                throw new ProtocolException(ErrorCodes.MALFORMED, "Header of " + route.type().name() + " must be JSON text.");
            }
            header = codec.decode(json, route.type().requestType());
            data = BinaryFrames.payload(length, attachment);
        } catch (ProtocolException e) {
            refuse(link, reply, e);
            return;
        }
        CompletionStage<Empty> stage;
        try {
            stage = route.handler().handle(link, header, data);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((result, error) -> reply.accept(codec.encodeReply(error == null
                ? WireReply.success(codec.toTree(Empty.INSTANCE)) : failureFor(route.type(), link, unwrap(error)))));
    }

    public Set<String> eventNames() {
        return Set.copyOf(routes.keySet());
    }

    /** Called on a network thread; the handler runs on the link's serial inbox. */
    public void dispatch(PeerLink link, String event, Object rawPayload, Consumer<String> reply) {
        if (PeerLink.countsAsUse(event)) {
            link.touch();
        }
        if (!rate.admit(link)) {
            reply.accept(codec.encodeReply(WireReply.failure(ErrorCodes.RATE_LIMITED, "Too many requests; slow down.")));
            return;
        }
        Route<?, ?> route = routes.get(event);
        if (route == null) {
            refuse(link, reply, new ProtocolException(ErrorCodes.UNKNOWN_EVENT, "Unknown event " + event + "."));
            return;
        }
        if (route.quick()) {
            link.inbox().executeHereIfIdle(() -> run(route, link, rawPayload, reply));
        } else {
            link.inbox().execute(() -> run(route, link, rawPayload, reply));
        }
    }

    private <Q, R> void run(Route<Q, R> route, PeerLink link, Object rawPayload, Consumer<String> reply) {
        Q request;
        try {
            if (!(rawPayload instanceof String json)) {
                throw new ProtocolException(ErrorCodes.MALFORMED, "Payload of " + route.type().name() + " must be JSON text.");
            }
            request = codec.decode(json, route.type().requestType());
        } catch (ProtocolException e) {
            refuse(link, reply, e);
            return;
        }
        CompletionStage<R> stage;
        try {
            stage = route.handler().handle(link, request);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((result, error) -> {
            if (error == null) {
                reply.accept(codec.encodeReply(WireReply.success(codec.toTree(result))));
            } else {
                reply.accept(codec.encodeReply(failureFor(route.type(), link, unwrap(error))));
            }
        });
    }

    private void refuse(PeerLink link, Consumer<String> reply, ProtocolException e) {
        reply.accept(codec.encodeReply(WireReply.failure(e.code(), e.getMessage())));
        abuse.recordBadEvent(link, e);
    }

    private static WireReply failureFor(EventType<?, ?> type, PeerLink link, Throwable error) {
        if (error instanceof ProtocolException p) {
            return WireReply.failure(p.code(), p.getMessage());
        }
        if (error instanceof PeerShelfException p) {
            return WireReply.failure(ErrorCodes.REFUSED, p.getMessage());
        }
        LOG.error("Handler for {} from {} failed", type.name(), link, error);
        return WireReply.failure(ErrorCodes.INTERNAL, "The peer could not handle " + type.name() + ".");
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
