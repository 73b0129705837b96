package org.peershelf.protocol.node.tls;

import java.security.cert.CertificateException;
import org.peershelf.protocol.identity.DeviceId;

/** The TLS peer is not the device we dialled: a stale address, or a man in the middle. */
public final class WrongDeviceException extends CertificateException {
    private static final long serialVersionUID = 1L;

    public WrongDeviceException(DeviceId expected, DeviceId presented) {
        super("The peer's TLS certificate belongs to device " + presented.shortForm() + ", not "
                + expected.shortForm() + " (a stale address or a man in the middle); refused.");
    }
}
