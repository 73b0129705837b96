package org.peershelf.protocol.wire;

/** The reply of an event that answers nothing but "accepted". */
public record Empty() {
    public static final Empty INSTANCE = new Empty();
}
