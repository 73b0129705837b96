package org.peershelf.protocol.node;

import java.util.concurrent.CompletionStage;

/** Serves one event type for authenticated links. Runs on the node's worker pool, in order per link. */
@FunctionalInterface
public interface EventHandler<Q, R> {
    CompletionStage<R> handle(PeerLink from, Q request);
}
