package org.peershelf.registry.probe;

import org.peershelf.registry.connection.FailureKind;
import org.peershelf.registry.connection.InvalidRegistryUriException;

/** The outcome of testing a registry address, from "nothing typed" to "it works". */
public enum ProbeStatus {
    EMPTY,
    WRONG_SCHEME,
    MALFORMED,
    UNKNOWN_HOST,
    CONNECTION_REFUSED,
    HOST_UNREACHABLE,
    TIMED_OUT,
    AUTH_FAILED,
    SERVER_ERROR,
    OK;

    static ProbeStatus of(InvalidRegistryUriException.Problem problem) {
        return switch (problem) {
            case EMPTY -> EMPTY;
            case WRONG_SCHEME -> WRONG_SCHEME;
            case MALFORMED -> MALFORMED;
        };
    }

    static ProbeStatus of(FailureKind kind) {
        return switch (kind) {
            case UNKNOWN_HOST -> UNKNOWN_HOST;
            case CONNECTION_REFUSED -> CONNECTION_REFUSED;
            case HOST_UNREACHABLE -> HOST_UNREACHABLE;
            case TIMED_OUT -> TIMED_OUT;
            case AUTH_FAILED -> AUTH_FAILED;
            case SERVER_ERROR -> SERVER_ERROR;
        };
    }
}
