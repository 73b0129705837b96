package org.peershelf.protocol.node.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Presents the one device certificate and key on both sides of a TLS link. A key store plus a
 * KeyManagerFactory would do the same, but PKCS12 encrypts the key with PBKDF2 on the way in, which
 * took a noticeable part of every peer's start.
 */
final class DeviceKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "device";

    private final PrivateKey key;
    private final X509Certificate[] chain;

    DeviceKeyManager(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.chain = new X509Certificate[] {certificate};
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return aliasesFor(keyType);
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return choose(keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return choose(keyTypes);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return aliasesFor(keyType);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return matches(keyType) ? ALIAS : null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return matches(keyType) ? ALIAS : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? key : null;
    }

    private String[] aliasesFor(String keyType) {
        return matches(keyType) ? new String[] {ALIAS} : null;
    }

    private String choose(String[] keyTypes) {
        if (keyTypes != null) {
            for (String type : keyTypes) {
                if (matches(type)) {
                    return ALIAS;
                }
            }
        }
        return null;
    }

    /** The TLS stack asks by key algorithm ("EdDSA", "Ed25519", "EC", …); ours is the device's. */
    private boolean matches(String keyType) {
        if (keyType == null) {
            return false;
        }
        String ours = key.getAlgorithm();
        return keyType.equalsIgnoreCase(ours) || keyType.equalsIgnoreCase("EdDSA") && ours.equalsIgnoreCase("Ed25519")
                || keyType.equalsIgnoreCase("Ed25519") && ours.equalsIgnoreCase("EdDSA");
    }
}
