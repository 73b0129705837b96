package org.peershelf.protocol.node.tls;

import java.security.GeneralSecurityException;
import okhttp3.OkHttpClient;
import org.peershelf.protocol.identity.DeviceIdentity;

/**
 * OkHttp clients for test tools that speak TLS with a chosen device's certificate and accept any peer's. Peers
 * themselves dial through their event loop's engines ({@link PeerTls#clientEngine}), not through OkHttp.
 */
public final class TlsHttpClients {
    private TlsHttpClients() {
    }

    public static OkHttpClient presenting(DeviceIdentity as) {
        DeviceTrustManager anyDevice = new DeviceTrustManager(null);
        try {
            return new OkHttpClient.Builder()
                    .sslSocketFactory(new PeerTls(as).clientContext(null).getSocketFactory(), anyDevice)
                    // the certificate names no host: the trust manager's device check replaces hostname checks
                    .hostnameVerifier((host, session) -> true)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available for a test client", e);
        }
    }
}
