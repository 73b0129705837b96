package org.peershelf.protocol.chat.room;

import java.util.HashSet;
import java.util.Set;

/**
 * Member side: how this device's posts to the room's host flow. Posts are pipelined up to a window that starts at one
 * and grows by one with each acknowledgement; a failure starts a new generation (what was in flight is forgotten and
 * sent again from the last confirmed message), shrinks the window back to one and, for a failure that may pass
 * (rate-limited, timed out, link lost), pauses sending for a backoff that doubles up to {@link #MAX_BACKOFF_MILLIS}.
 * Without that a member re-sent every unconfirmed post on each new message and kept a limiting host refusing it.
 * Guarded by the room's monitor.
 */
final class PostFlow {
    static final int MAX_WINDOW = 64;
    static final long FIRST_BACKOFF_MILLIS = 50;
    static final long MAX_BACKOFF_MILLIS = 1_000;

    /** Posts sent and not yet answered, in this generation. */
    int inFlight;
    /** The highest sender sequence sent in this generation. */
    long sentUpTo;
    long generation;
    private int window = 1;
    private int failuresInARow;
    private boolean pausing;
    /** Our posts the host refused for good (too long for it): skipped, so later ones are not held back by them. */
    final Set<Long> abandoned = new HashSet<>();

    int room() {
        return pausing ? 0 : Math.max(0, window - inFlight);
    }

    /** Forgets what was in flight: the next pump sends everything unconfirmed again, one post at first. */
    void restart() {
        generation++;
        inFlight = 0;
        sentUpTo = 0;
        window = 1;
    }

    /** A new host or epoch: start over without waiting out a backoff meant for the old one. */
    void newHost() {
        restart();
        failuresInARow = 0;
        pausing = false;
    }

    void acknowledged() {
        inFlight--;
        failuresInARow = 0;
        window = Math.min(MAX_WINDOW, window + 1);
    }

    /** Pauses sending; returns how long to wait before the retry that ends the pause. */
    long pause() {
        pausing = true;
        long delay = Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(failuresInARow, 10));
        failuresInARow++;
        return delay;
    }

    void resume() {
        pausing = false;
    }

    int window() {
        return window;
    }
}
