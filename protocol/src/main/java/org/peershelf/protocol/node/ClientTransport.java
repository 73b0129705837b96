package org.peershelf.protocol.node;

import io.socket.client.Ack;
import io.socket.client.Socket;
import java.util.function.Consumer;
import org.peershelf.protocol.wire.Events;

/** Our client socket's side of a link we dialled. */
final class ClientTransport implements LinkTransport {
    private final Socket socket;
    private final String address;

    ClientTransport(Socket socket, String address) {
        this.socket = socket;
        this.address = address;
    }

    @Override
    public void emit(String event, String payload, Consumer<String> onReply) {
        socket.emit(Events.CHANNEL, new Object[] {event, payload}, (Ack) args ->
                onReply.accept(args.length > 0 && args[0] instanceof String s ? s : null));
    }

    @Override
    public void emitBinary(String event, String header, byte[] data, Consumer<String> onReply) {
        socket.emit(Events.BINARY_CHANNEL, new Object[] {event, header, data.length, BinaryFrames.frame(data)}, (Ack) args ->
                onReply.accept(args.length > 0 && args[0] instanceof String s ? s : null));
    }

    @Override
    public void disconnect() {
        socket.close();
    }

    @Override
    public String remoteAddress() {
        return address;
    }
}
