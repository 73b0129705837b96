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

    private DeviceDocuments() {
    }

    public static Document toDocument(DeviceRecord device) {
        return new Document(ID, device.deviceId().value())
                .append(OWNER_USER_ID, device.owner().value())
                .append(PUBLIC_KEY, device.publicKeyBase64())
                .append(NAME, device.name())
                .append(REGISTERED_AT, device.registeredAtMillis());
    }

    /** @throws IllegalArgumentException if the document does not have the expected shape */
    public static DeviceRecord fromDocument(Document doc) {
        return new DeviceRecord(new DeviceId(requireString(doc, ID)), new UserId(requireString(doc, OWNER_USER_ID)),
                requireString(doc, PUBLIC_KEY), optionalString(doc, NAME), requireLong(doc, REGISTERED_AT));
    }
}
