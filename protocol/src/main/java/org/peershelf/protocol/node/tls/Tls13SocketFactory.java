package org.peershelf.protocol.node.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** Restricts the client's sockets to TLS 1.3, so a downgrade to 1.2 is refused on our side too. */
final class Tls13SocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory delegate;

    Tls13SocketFactory(SSLSocketFactory delegate) {
        this.delegate = delegate;
    }

    private Socket restrict(Socket socket) {
        if (socket instanceof SSLSocket ssl) {
            ssl.setEnabledProtocols(new String[] {PeerTls.PROTOCOL});
        }
        return socket;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return restrict(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket() throws IOException {
        return restrict(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return restrict(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return restrict(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return restrict(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return restrict(delegate.createSocket(address, port, localAddress, localPort));
    }
}
