package org.peershelf.protocol.identity;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link RecordSigner#verify} with a memory of what already verified. A reader of the registry sees
 * the same signed documents over and over (every online entry at every heartbeat, all of them again
 * for every vote it counts); an Ed25519 verification costs a few hundred microseconds, and with 50
 * peers those repeats took most of the CPU. Only successes are remembered, keyed by key and
 * signature, and a hit still requires the very same statement bytes, so a cached entry can never
 * vouch for other content.
 */
public final class VerifiedRecords {
    private final Map<String, byte[]> verified;

    /** @param capacity how many verified signatures to remember (least recently used go first) */
    public VerifiedRecords(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The capacity must be at least 1.");
        }
        this.verified = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Same contract as {@link RecordSigner#verify}. */
    public boolean verify(DeviceId signer, String publicKeyBase64, String kind, Map<String, ?> fields,
                          String signatureBase64) {
        if (signer == null || publicKeyBase64 == null || signatureBase64 == null) {
            return false;
        }
        String key = signer.value() + '|' + publicKeyBase64 + '|' + signatureBase64;
        byte[] statement = RecordSigner.statement(kind, fields);
        synchronized (verified) {
            if (Arrays.equals(verified.get(key), statement)) {
                return true;
            }
        }
        if (!RecordSigner.verify(signer, publicKeyBase64, kind, fields, signatureBase64)) {
            return false;
        }
        synchronized (verified) {
            verified.put(key, statement);
        }
        return true;
    }

    public int size() {
        synchronized (verified) {
            return verified.size();
        }
    }
}
