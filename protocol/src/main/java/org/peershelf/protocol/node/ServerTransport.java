package org.peershelf.protocol.node;

import com.corundumstudio.socketio.AckCallback;
import com.corundumstudio.socketio.SocketIOClient;
import java.util.function.Consumer;
import org.peershelf.protocol.wire.Events;

/** Our server's side of a link a peer dialled. */
final class ServerTransport implements LinkTransport {
    private final SocketIOClient client;

    ServerTransport(SocketIOClient client) {
        this.client = client;
    }

    @Override
    public void emit(String event, String payload, Consumer<String> onReply) {
        client.sendEvent(Events.CHANNEL, new AckCallback<>(Object.class) {
            @Override
            public void onSuccess(Object result) {
                onReply.accept(result instanceof String s ? s : null);
            }
        }, event, payload);
    }

    @Override
    public void emitBinary(String event, String header, byte[] data, Consumer<String> onReply) {
        client.sendEvent(Events.BINARY_CHANNEL, new AckCallback<>(Object.class) {
            @Override
            public void onSuccess(Object result) {
                onReply.accept(result instanceof String s ? s : null);
            }
        }, event, header, data.length, BinaryFrames.frame(data));
    }

    @Override
    public void disconnect() {
        client.disconnect();
    }

    @Override
    public String remoteAddress() {
        return String.valueOf(client.getRemoteAddress());
    }
}
