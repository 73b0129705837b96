package org.peershelf.registry.connection;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoConfigurationException;
import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ServerDescription;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.peershelf.protocol.registry.RegistryUnavailableException;

/**
 * Turns driver exceptions into a {@link FailureKind} and a sentence a person can act on. A server
 * selection timeout hides the real reason (refused, unknown host…) in the cluster description, so that
 * is consulted too. Nothing is logged here: the caller that handles the failure logs it, once.
 */
public final class RegistryFailures {
    private static final int MAX_CAUSE_DEPTH = 12;

    private RegistryFailures() {
    }

    /** The translation every registry call goes through. */
    public static RegistryUnavailableException unavailable(String address, MongoException e,
                                                           ClusterDescription cluster) {
        if (e instanceof MongoInterruptedException) {
            Thread.currentThread().interrupt(); // keep the interrupt visible to the caller's thread
            return new RegistryUnavailableException("The call to the registry at " + address + " was interrupted.", e);
        }
        FailureKind kind = classify(e, cluster);
        return new RegistryUnavailableException(message(kind, address, detail(e)), e);
    }

    public static FailureKind classify(MongoException e, ClusterDescription cluster) {
        FailureKind direct = fromCauses(e);
        if (direct != null) {
            return direct;
        }
        if (e instanceof MongoTimeoutException) {
            return fromCluster(cluster);
        }
        if (e instanceof MongoSocketException) {
            return FailureKind.HOST_UNREACHABLE;
        }
        return FailureKind.SERVER_ERROR;
    }

    public static String message(FailureKind kind, String address, String detail) {
        String at = "The registry at " + address;
        return switch (kind) {
            case UNKNOWN_HOST -> at + " cannot be reached: the host name is not known. "
                    + "Check the spelling of the address.";
            case CONNECTION_REFUSED -> at + " cannot be reached: nothing is listening on that port "
                    + "(connection refused). Check that the registry is running and that the port is right.";
            case HOST_UNREACHABLE -> at + " cannot be reached: the network did not let us through. "
                    + "Check your network connection.";
            case TIMED_OUT -> at + " cannot be reached: it did not answer in time. "
                    + "Check your network connection, or try again later.";
            case AUTH_FAILED -> at + " refused the user name or password. "
                    + "Check the credentials in the registry address.";
            case SERVER_ERROR -> at + " answered with an error: " + detail;
        };
    }

    /** The driver's own words, shortened to the part a person might recognise. */
    public static String detail(MongoException e) {
        if (e instanceof MongoCommandException command) {
            return command.getErrorMessage();
        }
        if (e instanceof MongoWriteException write) {
            return write.getError().getMessage();
        }
        return e.getMessage();
    }

    private static FailureKind fromCluster(ClusterDescription cluster) {
        if (cluster == null) {
            return FailureKind.TIMED_OUT;
        }
        MongoException srv = cluster.getSrvResolutionException();
        if (srv != null) {
            FailureKind kind = fromCauses(srv);
            return kind != null ? kind : FailureKind.UNKNOWN_HOST;
        }
        for (ServerDescription server : cluster.getServerDescriptions()) {
            FailureKind kind = fromCauses(server.getException());
            if (kind != null) {
                return kind;
            }
        }
        return FailureKind.TIMED_OUT;
    }

    private static FailureKind fromCauses(Throwable start) {
        Throwable t = start;
        for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
            FailureKind kind = fromOne(t);
            if (kind != null) {
                return kind;
            }
        }
        return null;
    }

    private static FailureKind fromOne(Throwable t) {
        if (t instanceof MongoSecurityException) {
            return FailureKind.AUTH_FAILED;
        }
        if (t instanceof UnknownHostException || t instanceof MongoConfigurationException) {
            return FailureKind.UNKNOWN_HOST; // MongoConfigurationException: the SRV/TXT lookup of the name failed
        }
        if (t instanceof MongoSocketReadTimeoutException || t instanceof SocketTimeoutException) {
            return FailureKind.TIMED_OUT;
        }
        if (t instanceof NoRouteToHostException) {
            return FailureKind.HOST_UNREACHABLE;
        }
        if (t instanceof ConnectException) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            return message.contains("refused") ? FailureKind.CONNECTION_REFUSED : FailureKind.HOST_UNREACHABLE;
        }
        return null;
    }
}
