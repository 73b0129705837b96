package org.peershelf.registry.mapping;

/** What readers do with a registry document that carries no signature. */
public enum SignaturePolicy {
    /** Ignore it, like a document whose signature fails: the app's setting. */
    REQUIRED,
    /**
     * Accept it (documents of versions before signatures; tools and tests that write records for made-up
     * devices). A document that carries a signature must still verify.
     */
    ACCEPT_UNSIGNED
}
