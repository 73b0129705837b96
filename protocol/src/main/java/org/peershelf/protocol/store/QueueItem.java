package org.peershelf.protocol.store;

/**
 * One queued item and its id. Ids increase strictly in enqueue order and are never reused, even across restarts
 * and compaction (gaps are possible), so a receiver can drop duplicates by remembering the last id it applied.
 */
public record QueueItem<T>(long id, T value) {
}
