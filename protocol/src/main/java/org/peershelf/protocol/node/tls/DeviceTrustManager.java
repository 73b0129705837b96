package org.peershelf.protocol.node.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.peershelf.protocol.identity.DeviceId;

/**
 * Trusts a peer's certificate by the device id its key gives, not by a chain to an authority. A
 * dialler knows which device it means to reach (the id from the registry) and refuses any other
 * certificate; the listener accepts any device's certificate here and checks later that the id
 * claimed in the link handshake is the certificate's (see {@link TlsPeers}). TLS itself proves the
 * other side holds the private key of the certificate it presents.
 */
final class DeviceTrustManager extends X509ExtendedTrustManager {
    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];
    private final DeviceId expected;

    /** @param expected the only device accepted as server, or null to accept any device's certificate */
    DeviceTrustManager(DeviceId expected) {
        this.expected = expected;
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("The peer presented no certificate.");
        }
        DeviceId presented = DeviceCertificate.deviceIdOf(chain[0]);
        if (expected != null && !presented.equals(expected)) {
            throw new WrongDeviceException(expected, presented);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NO_ISSUERS;
    }
}
