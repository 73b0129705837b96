package org.peershelf.registry.mapping;

import org.bson.Document;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.resource.ResourceId;

/**
 * The {@code holders} collection: one document per resource and device that says it can serve it, keyed by
 * {@code <resourceId>:<deviceId>} so that adding a holder twice is one upsert.
 */
public final class HolderDocuments {
    public static final String ID = "_id";
    public static final String RESOURCE_ID = HolderFields.RESOURCE_ID;
    public static final String DEVICE_ID = HolderFields.DEVICE_ID;
    /** Epoch milliseconds (int64) of the first announcement. */
    public static final String SINCE = "since";
    /** Epoch milliseconds (int64) of the latest announcement. */
    public static final String UPDATED_AT = "updatedAt";
    /** The holding device's signature over (resourceId, deviceId, updatedAt); see DocumentSignatures. */
    public static final String SIGNATURE = DocumentSignatures.SIGNATURE;

    private HolderDocuments() {
    }

    public static String idOf(ResourceId resource, DeviceId device) {
        return idOf(resource.hex(), device.value());
    }

    /** The key of a holding as stored, from ids as read (not checked: a wrong one finds no record). */
    public static String idOf(String resourceHex, String deviceId) {
        return resourceHex + ":" + deviceId;
    }

    /** @throws IllegalArgumentException if the document does not name a device */
    public static DeviceId deviceOf(Document doc) {
        return DeviceId.of(DocumentReads.requireString(doc, DEVICE_ID));
    }

    public static ResourceId resourceOf(Document doc) {
        return ResourceId.of(DocumentReads.requireString(doc, RESOURCE_ID));
    }

    public static Document keyOf(ResourceId resource, DeviceId device) {
        return new Document(ID, idOf(resource, device));
    }

    public static Document fields(ResourceId resource, DeviceId device, long nowMillis) {
        return new Document(RESOURCE_ID, resource.hex()).append(DEVICE_ID, device.value()).append(UPDATED_AT, nowMillis);
    }
}
