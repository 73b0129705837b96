package org.peershelf.registry.probe;

import java.util.Objects;

/**
 * What the onboarding "Test" button shows: a status to branch on and a sentence for the person.
 * {@code serverDescription} is set only on success, e.g. "MongoDB 7.0.12, standalone, at host:27017".
 */
public record ProbeResult(ProbeStatus status, String message, String serverDescription) {
    public ProbeResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    public boolean ok() {
        return status == ProbeStatus.OK;
    }

    static ProbeResult failed(ProbeStatus status, String message) {
        return new ProbeResult(status, message, null);
    }
}
