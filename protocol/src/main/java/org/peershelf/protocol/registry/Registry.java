package org.peershelf.protocol.registry;

/**
 * The shared registry as the peer sees it: one port per capability, implemented together by the
 * MongoDB registry in {@code db-schema}. Closing releases the connection.
 */
public interface Registry extends DirectoryRegistry, PresenceRegistry, ResourceRegistry, RoomRegistry,
        AutoCloseable {
    /** A short description for the UI and logs, e.g. "embedded registry on 127.0.0.1:27027". */
    String describe();

    /** Opens the connection ahead of first use, so start-up can overlap it with other work. */
    default void warmUp() {
    }

    /**
     * Lets this client sign what {@code identity}'s device publishes (device, user, online entries,
     * votes): readers ignore documents whose signature does not verify. Call before publishing.
     */
    default void addSigner(org.peershelf.protocol.identity.DeviceIdentity identity) {
    }

    @Override
    void close();
}
