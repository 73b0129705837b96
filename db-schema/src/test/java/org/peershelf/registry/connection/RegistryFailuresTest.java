package org.peershelf.registry.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.ServerAddress;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.registry.RegistryUnavailableException;

/** The cases the integration tests cannot provoke on one machine; those they can are tested there. */
class RegistryFailuresTest {
    private static final ServerAddress SERVER = new ServerAddress("db.example.org", 27017);

    @Test
    void commandErrorKeepsTheServersWords() {
        BsonDocument reply = new BsonDocument("ok", new BsonDouble(0)).append("code", new BsonInt32(13))
                .append("errmsg", new BsonString("not authorized on peershelf to execute command"));

        RegistryUnavailableException e = RegistryFailures.unavailable("db.example.org:27017",
                new MongoCommandException(reply, SERVER), null);

        assertThat(e.getMessage()).isEqualTo("The registry at db.example.org:27017 answered with an error: "
                + "not authorized on peershelf to execute command");
    }

    @Test
    void noRouteAndNetworkUnreachableAreHostUnreachable() {
        assertThat(RegistryFailures.classify(new MongoSocketOpenException("open", SERVER,
                new NoRouteToHostException("No route to host")), null)).isEqualTo(FailureKind.HOST_UNREACHABLE);
        assertThat(RegistryFailures.classify(new MongoSocketOpenException("open", SERVER,
                new ConnectException("Network is unreachable")), null)).isEqualTo(FailureKind.HOST_UNREACHABLE);
    }

    @Test
    void readTimeoutsAreTimedOut() {
        assertThat(RegistryFailures.classify(new MongoSocketReadTimeoutException("read", SERVER,
                new SocketTimeoutException("Read timed out")), null)).isEqualTo(FailureKind.TIMED_OUT);
    }

    @Test
    void interruptionIsTranslatedAndTheFlagKept() {
        try {
            RegistryUnavailableException e = RegistryFailures.unavailable("h:1",
                    new MongoInterruptedException("interrupted", new InterruptedException()), null);

            assertThat(e.getMessage()).contains("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted(); // clear it for the next test
        }
    }
}
