package org.peershelf.protocol.node.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.peershelf.protocol.PeerShelfException;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.DeviceIdentity;

/**
 * The self-signed X.509 certificate a device presents on its TLS links. It carries the Ed25519
 * device key itself, so the peer's device id follows from the certificate's public key and no
 * certificate authority is needed (like Syncthing). Made at start-up: it costs well under a
 * millisecond and nothing in it needs to survive a restart.
 */
public final class DeviceCertificate {
    // validity is not what makes the certificate trusted (the key is), so it is simply long
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private DeviceCertificate() {
    }

    public static X509Certificate create(DeviceIdentity identity) {
        DeviceId id = identity.deviceId();
        X500Name name = new X500Name("CN=peershelf-" + id.value());
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, new BigInteger(1, identity.publicKey()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), name,
                SubjectPublicKeyInfo.getInstance(identity.publicKey()));
        try {
            ContentSigner signer = new JcaContentSignerBuilder("Ed25519").build(identity.keyPair().getPrivate());
            X509CertificateHolder holder = builder.build(signer);
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new PeerShelfException("Cannot make this device's TLS certificate: " + e.getMessage(), e);
        }
    }

    /** The device a certificate speaks for: the id of the key it carries. */
    public static DeviceId deviceIdOf(X509Certificate certificate) {
        return DeviceId.fromPublicKey(certificate.getPublicKey().getEncoded());
    }
}
