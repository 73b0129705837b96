package org.peershelf.protocol.store;

/**
 * A check beyond the CRC that recovery applies to every record on open, e.g. the GCM tag of an encrypted record.
 * A record that fails it is treated like a damaged frame.
 */
@FunctionalInterface
interface RecordValidator {
    boolean isValid(long index, byte[] payload);
}
