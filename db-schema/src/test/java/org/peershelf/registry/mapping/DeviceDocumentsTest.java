package org.peershelf.registry.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.DeviceRecord;

class DeviceDocumentsTest {
    private static final DeviceIdentity KEY = DeviceIdentity.generate();
    private static final DeviceRecord LAPTOP = new DeviceRecord(KEY.deviceId(), new UserId("u-ada"),
            KEY.publicKeyBase64(), "Ada's laptop", 1_700_000_000_000L);

    @Test
    void roundTripKeepsEveryField() {
        assertThat(DeviceDocuments.fromDocument(DeviceDocuments.toDocument(LAPTOP))).isEqualTo(LAPTOP);
    }

    @Test
    void documentUsesTheDocumentedFieldNames() {
        Document doc = DeviceDocuments.toDocument(LAPTOP);

        assertThat(doc.keySet()).containsExactly("_id", "ownerUserId", "publicKey", "name", "registeredAt");
        assertThat(doc.get("_id")).isEqualTo(KEY.deviceId().value());
    }

    @Test
    void idThatIsNotADeviceIdIsRejected() {
        Document doc = DeviceDocuments.toDocument(LAPTOP).append("_id", "not-hex");

        assertThatThrownBy(() -> DeviceDocuments.fromDocument(doc)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingKeyIsRejected() {
        Document doc = DeviceDocuments.toDocument(LAPTOP);
        doc.remove("publicKey");

        assertThatThrownBy(() -> DeviceDocuments.fromDocument(doc))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("publicKey");
    }
}
