package org.peershelf.registry.mapping;

/** Field names of the {@code rooms} collection (room directory) that the schema and {@link RoomDocuments} use. */
public final class RoomFields {
    public static final String ROOM_ID = "roomId";
    public static final String NAME = "name";
    /** Device id of the creator's device; its user alone may delete the room. */
    public static final String ORIGINAL_HOST = "originalHost";
    public static final String ORIGINAL_USER = "originalUser";
    public static final String CURRENT_HOST = "currentHost";
    /** int64, raised by one at every host change; claims compare-and-set on it. */
    public static final String EPOCH = "epoch";
    /** Array of member device ids: a set ($addToSet / $pull). */
    public static final String MEMBERS = "members";
    public static final String DELETED = "deleted";
    public static final String CREATED_AT = "createdAt";
    /** The original host's signature over (roomId, name, originalHost, originalUser, createdAt). */
    public static final String SIGNATURE = "signature";
    /** The current host's signature over (roomId, currentHost, epoch), set with every claim. */
    public static final String HOST_SIGNATURE = "hostSignature";
    /** The device of the original user that marked the room deleted, and its signature over (roomId). */
    public static final String DELETED_BY = "deletedBy";
    public static final String DELETED_SIGNATURE = "deletedSignature";
    /** The member list as the current host signed it (readers use this one; {@code members} is for queries). */
    public static final String SIGNED_MEMBERS = "signedMembers";
    /** The current host's signature over (roomId, epoch, signedMembers sorted), kind {@code room-members}. */
    public static final String MEMBERS_SIGNATURE = "membersSignature";

    private RoomFields() {
    }
}
