package org.peershelf.registry.connection;

/** Why a registry could not be used, as far as the driver lets us tell. */
public enum FailureKind {
    /** The host name (or SRV name) does not resolve. */
    UNKNOWN_HOST,
    /** The host answered, but nothing listens on the port. */
    CONNECTION_REFUSED,
    /** No route to the host (network down, wrong network). */
    HOST_UNREACHABLE,
    /** No answer within the timeout. */
    TIMED_OUT,
    /** The registry refused the user name or password. */
    AUTH_FAILED,
    /** The registry answered, but with an error. */
    SERVER_ERROR
}
