package org.peershelf.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.wire.HandshakeMessages.Hello;
import org.peershelf.protocol.wire.HandshakeMessages.HelloReply;
import org.peershelf.protocol.wire.HandshakeMessages.Prove;
import org.peershelf.protocol.wire.LinkMessages.Bye;
import org.peershelf.protocol.wire.LinkMessages.Ping;
import org.peershelf.protocol.wire.LinkMessages.Pong;

class WireCodecTest {
    private final WireCodec codec = new WireCodec(10_000);

    @Test
    void everyLinkPayloadRoundTrips() {
        List<Object> samples = List.of(new Hello(1, "ab", "key", "nonce"), new HelloReply(1, "cd", "key", "n2", "sig"),
                new Prove("sig"), new Ping(42), new Pong(42), new Bye("leaving"), Empty.INSTANCE);
        for (Object sample : samples) {
            assertThat(codec.decode(codec.encode(sample), sample.getClass())).isEqualTo(sample);
        }
    }

    @Test
    void replyEnvelopeCarriesBodyOrError() {
        String ok = codec.encodeReply(WireReply.success(codec.toTree(new Pong(7))));
        assertThat(codec.decodeReplyBody(ok, Pong.class)).isEqualTo(new Pong(7));

        String failed = codec.encodeReply(WireReply.failure(ErrorCodes.REFUSED, "no"));
        assertThatThrownBy(() -> codec.decodeReplyBody(failed, Pong.class)).isInstanceOf(ProtocolException.class)
                .hasMessage("no").extracting(e -> ((ProtocolException) e).code()).isEqualTo(ErrorCodes.REFUSED);
    }

    @Test
    void oversizedPayloadIsRefusedBeforeParsing() {
        String huge = "{\"reason\":\"" + "x".repeat(20_000) + "\"}";
        assertThatThrownBy(() -> codec.decode(huge, Bye.class)).isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).code()).isEqualTo(ErrorCodes.TOO_LARGE);
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String nested = "{\"reason\":" + "[".repeat(500) + "]".repeat(500) + "}";
        assertThatThrownBy(() -> codec.decode(nested, Bye.class)).isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).code()).isEqualTo(ErrorCodes.MALFORMED);
    }

    @Test
    void wrongTypesAndGarbageAreMalformed() {
        for (String bad : List.of("{not json", "[]", "null", "{\"sentNanos\":\"soon\"}", "{\"sentNanos\":null}")) {
            assertThatThrownBy(() -> codec.decode(bad, Ping.class)).as(bad).isInstanceOf(ProtocolException.class)
                    .extracting(e -> ((ProtocolException) e).code()).isEqualTo(ErrorCodes.MALFORMED);
        }
    }

    @Test
    void unknownFieldsAreIgnoredForForwardCompatibility() {
        assertThat(codec.decode("{\"sentNanos\":5,\"newField\":true}", Ping.class)).isEqualTo(new Ping(5));
    }
}
