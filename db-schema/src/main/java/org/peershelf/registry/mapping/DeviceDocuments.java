package org.peershelf.registry.mapping;

import static org.peershelf.registry.mapping.DocumentReads.optionalString;
import static org.peershelf.registry.mapping.DocumentReads.requireLong;
import static org.peershelf.registry.mapping.DocumentReads.requireString;

import org.bson.Document;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.DeviceRecord;

/** The {@code devices} collection: one document per device, keyed by the device id. */
public final class DeviceDocuments {
    public static final String ID = "_id";
    public static final String OWNER_USER_ID = "ownerUserId";
    /** X.509 DER of the Ed25519 public key, base64. */
    public static final String PUBLIC_KEY = "publicKey";
    public static final String NAME = "name";
    /** Epoch milliseconds (int64). */
    public static final String REGISTERED_AT = "registeredAt";
    /** The device's own signature over its id, owner, key, name and registeredAt; see DocumentSignatures. */
    public static final String SIGNATURE = DocumentSignatures.SIGNATURE;
    /** The owner's user key (X.509 DER of its Ed25519 public key, base64): {@code ownerUserId} is derived from it. */
    public static final String USER_KEY = "userKey";
    /** The user key's signature over (ownerUserId, _id): the user vouches for this device. */
    public static final String ENDORSEMENT = "endorsement";

    private DeviceDocuments() {
    }

    public static Document toDocument(DeviceRecord device) {
        Document doc = new Document(ID, device.deviceId().value())
                .append(OWNER_USER_ID, device.owner().value())
                .append(PUBLIC_KEY, device.publicKeyBase64())
                .append(NAME, device.name())
                .append(REGISTERED_AT, device.registeredAtMillis());
        if (device.endorsement() != null) {
            doc.append(USER_KEY, device.userKeyBase64()).append(ENDORSEMENT, device.endorsement());
        }
        return doc;
    }

    /** @throws IllegalArgumentException if the document does not have the expected shape */
    public static DeviceRecord fromDocument(Document doc) {
        return new DeviceRecord(new DeviceId(requireString(doc, ID)), new UserId(requireString(doc, OWNER_USER_ID)),
                requireString(doc, PUBLIC_KEY), optionalString(doc, NAME), requireLong(doc, REGISTERED_AT),
                nullableString(doc, USER_KEY), nullableString(doc, ENDORSEMENT));
    }

    private static String nullableString(Document doc, String field) {
        Object value = doc.get(field);
        if (value != null && !(value instanceof String)) {
            throw DocumentReads.malformed(doc, field, "a string");
        }
        return (String) value;
    }
}
