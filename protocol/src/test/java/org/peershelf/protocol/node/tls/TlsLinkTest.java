package org.peershelf.protocol.node.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socket.client.Ack;
import io.socket.client.Socket;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.node.PeerLink;
import org.peershelf.protocol.node.PeerNode;
import org.peershelf.protocol.node.RawClients;
import org.peershelf.protocol.node.TestNodes;
import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.Events;
import org.peershelf.protocol.wire.HandshakeMessages.Hello;
import org.peershelf.protocol.wire.ProtocolException;
import org.peershelf.protocol.wire.ProtocolVersion;

/** Links run over TLS 1.3 with device-key certificates; the certificate must be the device dialled or claimed. */
@Tag("integration")
class TlsLinkTest {
    private final TestNodes nodes = new TestNodes();
    private final ObjectMapper json = new ObjectMapper();
    private Socket raw;

    @AfterEach
    void close() {
        if (raw != null) {
            raw.close();
        }
        nodes.close();
    }

    @Test
    void listenerSpeaksTls13WithACertificateOfItsDeviceKey() throws Exception {
        PeerNode server = nodes.start();
        PeerTls client = new PeerTls(DeviceIdentity.generate());

        try (SSLSocket socket = (SSLSocket) client.clientContext(server.deviceId()).getSocketFactory()
                .createSocket("127.0.0.1", server.port())) {
            socket.startHandshake();

            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
            X509Certificate presented = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            assertThat(presented.getPublicKey().getAlgorithm()).isIn("EdDSA", "Ed25519");
            assertThat(DeviceCertificate.deviceIdOf(presented)).isEqualTo(server.deviceId());
        }
    }

    @Test
    void dialledPeersLinkOverTlsAndExchangeEvents() throws Exception {
        PeerNode a = nodes.start();
        PeerNode b = nodes.start();

        PeerLink link = a.dial(b.deviceId(), "127.0.0.1", b.port()).get(5, TimeUnit.SECONDS);

        assertThat(link.request(Events.PING, new org.peershelf.protocol.wire.LinkMessages.Ping(7))
                .get(5, TimeUnit.SECONDS).sentNanos()).isEqualTo(7);
        await().atMost(Duration.ofSeconds(5)).until(() -> b.links().get(a.deviceId()).isPresent());
    }

    @Test
    void aListenerWithAnotherDevicesCertificateIsRefusedByTheDialler() {
        PeerNode dialler = nodes.start();
        PeerNode expected = nodes.start();
        PeerNode impostor = nodes.start(); // sits at an address the registry gives for "expected"

        assertThatThrownBy(() -> dialler.dial(expected.deviceId(), "127.0.0.1", impostor.port()).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ProtocolException.class)
                .hasMessageContaining("man in the middle")
                .satisfies(e -> assertThat(((ProtocolException) e).code()).isEqualTo(ErrorCodes.HANDSHAKE_FAILED));
        assertThat(dialler.links().all()).isEmpty();
        assertThat(impostor.links().all()).isEmpty();
    }

    @Test
    void aHandshakeRelayedUnderAnotherCertificateIsRefused() throws Exception {
        PeerNode server = nodes.start();
        DeviceIdentity relay = DeviceIdentity.generate();
        DeviceIdentity victim = DeviceIdentity.generate();
        AtomicBoolean disconnected = new AtomicBoolean();
        raw = RawClients.connect(server, relay, disconnected);

        // the relay passes on the victim's Hello (id and key); a relay can forward the victim's Prove too
        JsonNode reply = send(raw, new Hello(ProtocolVersion.CURRENT, victim.deviceId().value(), victim.publicKeyBase64(),
                Base64.getEncoder().encodeToString(new byte[16])));

        assertThat(reply.get("ok").asBoolean()).isFalse();
        assertThat(reply.get("error").asText()).isEqualTo(ErrorCodes.HANDSHAKE_FAILED);
        assertThat(reply.get("message").asText()).contains("TLS certificate");
        await().atMost(Duration.ofSeconds(5)).untilTrue(disconnected);
        assertThat(server.links().all()).isEmpty();
    }

    @Test
    void theSameHelloUnderTheClaimedDevicesOwnCertificateIsAnswered() throws Exception {
        PeerNode server = nodes.start();
        DeviceIdentity honest = DeviceIdentity.generate();
        raw = RawClients.connect(server, honest, new AtomicBoolean());

        JsonNode reply = send(raw, new Hello(ProtocolVersion.CURRENT, honest.deviceId().value(), honest.publicKeyBase64(),
                Base64.getEncoder().encodeToString(new byte[16])));

        assertThat(reply.get("ok").asBoolean()).isTrue();
    }

    @Test
    void plainLinksWorkOnlyWhenBothSidesAskForThem() throws Exception {
        PeerNode plainA = nodes.start(TestNodes.fastConfig().withPlainLinks(true), DeviceIdentity.generate());
        PeerNode plainB = nodes.start(TestNodes.fastConfig().withPlainLinks(true), DeviceIdentity.generate());
        PeerNode tls = nodes.start();

        assertThat(plainA.dial(plainB.deviceId(), "127.0.0.1", plainB.port()).get(5, TimeUnit.SECONDS).isOpen()).isTrue();
        assertThatThrownBy(() -> plainA.dial(tls.deviceId(), "127.0.0.1", tls.port()).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
        assertThat(tls.links().all()).isEmpty();
    }

    private JsonNode send(Socket socket, Object payload) throws Exception {
        CompletableFuture<String> reply = new CompletableFuture<>();
        socket.emit(Events.CHANNEL, new Object[] {Events.HELLO.name(), json.writeValueAsString(payload)},
                (Ack) args -> reply.complete((String) args[0]));
        return json.readTree(reply.get(5, TimeUnit.SECONDS));
    }
}
