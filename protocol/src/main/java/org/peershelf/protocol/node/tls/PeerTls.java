package org.peershelf.protocol.node.tls;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import org.peershelf.protocol.PeerShelfException;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.DeviceIdentity;

/**
 * TLS 1.3 for peer links, with the device key as the TLS key on both sides (mutual
 * authentication; see docs/decisions/0002-tls-with-device-keys.md). The listener's engines ask for
 * the dialler's certificate; each dial gets a client whose trust manager accepts only the device it
 * means to reach.
 */
public final class PeerTls {
    static final String PROTOCOL = "TLSv1.3";

    private final KeyManager[] keyManagers;
    private final SSLContext serverContext;
    private final SecureRandom random = new SecureRandom();

    public PeerTls(DeviceIdentity identity) {
        X509Certificate certificate = DeviceCertificate.create(identity);
        this.keyManagers = new KeyManager[] {new DeviceKeyManager(identity.keyPair().getPrivate(), certificate)};
        try {
            this.serverContext = context(null);
        } catch (GeneralSecurityException e) {
            throw new PeerShelfException("Cannot set up TLS for peer links: " + e.getMessage(), e);
        }
    }

    /** A server-side engine for one accepted connection; it requires the dialler's certificate. */
    public SSLEngine serverEngine() {
        SSLEngine engine = serverContext.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setNeedClientAuth(true);
        engine.setEnabledProtocols(new String[] {PROTOCOL});
        return engine;
    }

    /**
     * A client-side engine for one dial: it presents our certificate and accepts only {@code expected}'s
     * (the device check replaces hostname checks: the certificate names no host).
     */
    public SSLEngine clientEngine(DeviceId expected) {
        try {
            SSLEngine engine = clientContext(expected).createSSLEngine();
            engine.setUseClientMode(true);
            engine.setEnabledProtocols(new String[] {PROTOCOL});
            return engine;
        } catch (GeneralSecurityException e) {
            throw new PeerShelfException("Cannot set up TLS for a peer link: " + e.getMessage(), e);
        }
    }

    /** A client context that accepts only {@code expected}'s certificate (any device's when null). */
    SSLContext clientContext(DeviceId expected) throws GeneralSecurityException {
        return context(new DeviceTrustManager(expected));
    }

    private SSLContext context(DeviceTrustManager trust) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance(PROTOCOL);
        context.init(keyManagers, new TrustManager[] {trust == null ? new DeviceTrustManager(null) : trust}, random);
        return context;
    }
}
