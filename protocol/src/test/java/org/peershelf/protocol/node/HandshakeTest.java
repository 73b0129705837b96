package org.peershelf.protocol.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socket.client.Ack;
import io.socket.client.Socket;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.Events;
import org.peershelf.protocol.wire.HandshakeMessages.Hello;
import org.peershelf.protocol.wire.HandshakeMessages.Prove;
import org.peershelf.protocol.wire.LinkMessages.Ping;
import org.peershelf.protocol.wire.ProtocolVersion;

/** A raw Socket.IO client that does not follow the handshake gets an error, nothing else, and is dropped. */
@Tag("integration")
class HandshakeTest {
    private final TestNodes nodes = new TestNodes();
    private final ObjectMapper json = new ObjectMapper();
    /** The device whose certificate the raw client presents over TLS. */
    private final DeviceIdentity mine = DeviceIdentity.generate();
    private Socket raw;

    @AfterEach
    void close() {
        if (raw != null) {
            raw.close();
        }
        nodes.close();
    }

    private Socket connect(PeerNode server, AtomicBoolean disconnected) throws Exception {
        raw = RawClients.connect(server, mine, disconnected);
        return raw;
    }

    private JsonNode send(Socket socket, String event, Object payload) throws Exception {
        CompletableFuture<String> reply = new CompletableFuture<>();
        socket.emit(Events.CHANNEL, new Object[] {event, json.writeValueAsString(payload)},
                (Ack) args -> reply.complete((String) args[0]));
        return json.readTree(reply.get(5, TimeUnit.SECONDS));
    }

    @Test
    void eventBeforeHandshakeIsRefusedAndTheClientDropped() throws Exception {
        PeerNode server = nodes.start();
        AtomicBoolean disconnected = new AtomicBoolean();
        Socket socket = connect(server, disconnected);

        JsonNode reply = send(socket, Events.PING.name(), new Ping(1));

        assertThat(reply.get("ok").asBoolean()).isFalse();
        assertThat(reply.get("error").asText()).isEqualTo(ErrorCodes.HANDSHAKE_REQUIRED);
        await().atMost(Duration.ofSeconds(5)).untilTrue(disconnected);
        assertThat(server.links().all()).isEmpty();
    }

    @Test
    void helloWithSomeoneElsesDeviceIdIsRefused() throws Exception {
        PeerNode server = nodes.start();
        AtomicBoolean disconnected = new AtomicBoolean();
        Socket socket = connect(server, disconnected);
        DeviceIdentity victim = DeviceIdentity.generate();

        JsonNode reply = send(socket, Events.HELLO.name(),
                new Hello(ProtocolVersion.CURRENT, victim.deviceId().value(), mine.publicKeyBase64(), "n"));

        assertThat(reply.get("error").asText()).isEqualTo(ErrorCodes.HANDSHAKE_FAILED);
        await().atMost(Duration.ofSeconds(5)).untilTrue(disconnected);
        assertThat(server.links().all()).isEmpty();
    }

    @Test
    void proveWithAWrongSignatureIsRefusedAndNoLinkIsMade() throws Exception {
        PeerNode server = nodes.start();
        AtomicBoolean disconnected = new AtomicBoolean();
        Socket socket = connect(server, disconnected);

        JsonNode hello = send(socket, Events.HELLO.name(),
                new Hello(ProtocolVersion.CURRENT, mine.deviceId().value(), mine.publicKeyBase64(), "n"));
        assertThat(hello.get("ok").asBoolean()).isTrue();
        String wrongStatement = Base64.getEncoder().encodeToString(mine.sign("not the challenge".getBytes()));
        JsonNode prove = send(socket, Events.PROVE.name(), new Prove(wrongStatement));

        assertThat(prove.get("error").asText()).isEqualTo(ErrorCodes.HANDSHAKE_FAILED);
        await().atMost(Duration.ofSeconds(5)).untilTrue(disconnected);
        assertThat(server.links().all()).isEmpty();
    }

    @Test
    void unsupportedVersionIsRefused() throws Exception {
        PeerNode server = nodes.start();
        AtomicBoolean disconnected = new AtomicBoolean();
        Socket socket = connect(server, disconnected);

        JsonNode reply = send(socket, Events.HELLO.name(),
                new Hello(ProtocolVersion.CURRENT + 1, mine.deviceId().value(), mine.publicKeyBase64(), "n"));

        assertThat(reply.get("error").asText()).isEqualTo(ErrorCodes.VERSION_UNSUPPORTED);
        await().atMost(Duration.ofSeconds(5)).untilTrue(disconnected);
    }

    @Test
    void malformedHelloIsRefusedAndThePeerStaysUp() throws Exception {
        PeerNode server = nodes.start();
        AtomicBoolean disconnected = new AtomicBoolean();
        Socket socket = connect(server, disconnected);
        CompletableFuture<String> reply = new CompletableFuture<>();
        socket.emit(Events.CHANNEL, new Object[] {Events.HELLO.name(), "{not json"}, (Ack) args -> reply.complete((String) args[0]));
        assertThat(json.readTree(reply.get(5, TimeUnit.SECONDS)).get("error").asText()).isEqualTo(ErrorCodes.MALFORMED);
        await().atMost(Duration.ofSeconds(5)).untilTrue(disconnected);

        // an honest peer still links afterwards
        PeerNode honest = nodes.start();
        assertThat(honest.dial(server.deviceId(), "127.0.0.1", server.port()).get(5, TimeUnit.SECONDS).isOpen()).isTrue();
    }
}
