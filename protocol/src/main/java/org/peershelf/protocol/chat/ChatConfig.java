package org.peershelf.protocol.chat;

import java.time.Duration;
import java.util.Optional;
import org.peershelf.protocol.config.NodeConfig;

/**
 * Chat tuning, derived from the node's heartbeat unless set.
 *
 * @param maxTextChars       longest message accepted, sent or received
 * @param scoreInterval      how often each member shares its latency score with the other members
 * @param failoverGrace      how long the link to a host may be down (and a redial fail) before an election
 * @param claimWait          how long members wait for the elected member to take over before electing again
 * @param retryInterval      how often queued messages to unreachable peers are retried
 * @param passphrase         if present, chat logs and queues are encrypted at rest with a key from it
 * @param hostPenaltyMillis  added to this device's latency score: a device on a poor network (or a test) can ask
 *                           not to be chosen as host
 * @param fsync              force every message to disk before it is acknowledged (default). Off only to measure
 *                           what durability costs (benchmark); a crash may then lose acknowledged messages
 */
public record ChatConfig(int maxTextChars, Duration scoreInterval, Duration failoverGrace, Duration claimWait,
                         Duration retryInterval, Optional<char[]> passphrase, double hostPenaltyMillis,
                         boolean fsync) {
    public static final int DEFAULT_MAX_TEXT_CHARS = 8_000;

    public ChatConfig {
        if (maxTextChars < 1) {
            throw new IllegalArgumentException("maxTextChars must be positive");
        }
        passphrase = passphrase == null ? Optional.empty() : passphrase;
    }

    public static ChatConfig from(NodeConfig node) {
        Duration beat = node.heartbeatInterval();
        return new ChatConfig(DEFAULT_MAX_TEXT_CHARS, beat, beat.dividedBy(4), beat.multipliedBy(2), beat,
                Optional.empty(), 0, true);
    }

    public ChatConfig withPassphrase(char[] secret) {
        return new ChatConfig(maxTextChars, scoreInterval, failoverGrace, claimWait, retryInterval,
                Optional.of(secret.clone()), hostPenaltyMillis, fsync);
    }

    public ChatConfig withHostPenalty(double millis) {
        return new ChatConfig(maxTextChars, scoreInterval, failoverGrace, claimWait, retryInterval, passphrase, millis, fsync);
    }

    public ChatConfig withMaxTextChars(int max) {
        return new ChatConfig(max, scoreInterval, failoverGrace, claimWait, retryInterval, passphrase, hostPenaltyMillis,
                fsync);
    }

    public ChatConfig withFsync(boolean force) {
        return new ChatConfig(maxTextChars, scoreInterval, failoverGrace, claimWait, retryInterval, passphrase,
                hostPenaltyMillis, force);
    }
}
