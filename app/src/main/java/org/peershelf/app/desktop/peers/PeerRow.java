package org.peershelf.app.desktop.peers;

import java.util.Locale;
import org.peershelf.protocol.identity.DeviceId;

/**
 * One online device in the Peers table. {@code userName} is empty until the registry told us who owns
 * the device; {@code rttMillis} is NaN before the first ping.
 */
public record PeerRow(DeviceId deviceId, String userName, String institution, String address, LinkState link,
                      double rttMillis) {
    /** Whether this device holds a link to the peer, and who dialled it. */
    public enum LinkState {
        DIALLED("linked (we dialled)"),
        ACCEPTED("linked (they dialled)"),
        NOT_LINKED("not linked");

        private final String label;

        LinkState(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String shortId() {
        return deviceId.shortForm();
    }

    /** The name if known, else the short device id, so a row never shows a blank name. */
    public String displayName() {
        return userName.isEmpty() ? "device " + shortId() : userName;
    }

    public String rttText() {
        if (link == LinkState.NOT_LINKED) {
            return "—";
        }
        return Double.isNaN(rttMillis) ? "measuring…" : String.format(Locale.ROOT, "%.1f ms", rttMillis);
    }

    PeerRow withUser(String name, String inst) {
        return new PeerRow(deviceId, name, inst, address, link, rttMillis);
    }

    PeerRow withLink(LinkState state, double rtt) {
        return new PeerRow(deviceId, userName, institution, address, state, rtt);
    }
}
