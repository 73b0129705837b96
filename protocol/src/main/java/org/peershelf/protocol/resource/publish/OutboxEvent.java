package org.peershelf.protocol.resource.publish;

/** What the publisher tells the UI (status bar "N queued", error notifications). */
public sealed interface OutboxEvent {
    /**
     * The number of queued operations changed, or the registry's reachability as seen by the outbox did.
     *
     * @param lastError why the head of the queue is waiting, or null when the registry answered
     */
    record OutboxChanged(int pending, boolean registryReachable, String lastError) implements OutboxEvent {
    }

    /** An operation reached the registry. */
    record OperationApplied(OutboxOperation operation) implements OutboxEvent {
    }

    /** An operation that can never succeed (e.g. publishing a resource deleted since); dropped from the queue. */
    record OperationDropped(OutboxOperation operation, String reason) implements OutboxEvent {
    }
}
