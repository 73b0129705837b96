package org.peershelf.app.desktop.network;

/** A peer link as the Peers tab shows it; {@code rttMillis} is NaN until the first ping came back. */
public record LinkSnapshot(boolean outbound, double rttMillis) {
}
