package org.peershelf.registry.connection;

import org.peershelf.protocol.PeerShelfException;

/** A registry address that cannot be used as typed; {@link #problem()} says which kind of mistake it is. */
public final class InvalidRegistryUriException extends PeerShelfException {
    /** What is wrong with the text, from the most to the least obvious. */
    public enum Problem {
        /** Nothing was typed. */
        EMPTY,
        /** It does not start with {@code mongodb://} or {@code mongodb+srv://}. */
        WRONG_SCHEME,
        /** It starts right, but the MongoDB driver cannot parse the rest. */
        MALFORMED
    }

    private final Problem problem;

    InvalidRegistryUriException(Problem problem, String userMessage, Throwable cause) {
        super(userMessage, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
