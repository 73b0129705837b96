package org.peershelf.registry.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.OnlineDevice;

class OnlineDeviceDocumentsTest {
    private static final DeviceId A = DeviceId.of("a".repeat(40));
    private static final DeviceId B = DeviceId.of("b".repeat(40));
    private static final DeviceId C = DeviceId.of("c".repeat(40));
    private static final OnlineDevice ENTRY = new OnlineDevice(A, new UserId("u-ada"), "192.168.1.20", 45123,
            Long.MAX_VALUE - 1, 1_700_000_000_000L, Set.of(B, C));

    @Test
    void roundTripKeepsEveryField() {
        assertThat(OnlineDeviceDocuments.fromDocument(OnlineDeviceDocuments.toDocument(ENTRY))).isEqualTo(ENTRY);
    }

    @Test
    void documentUsesTheDocumentedFieldNamesAndTypes() {
        Document doc = OnlineDeviceDocuments.toDocument(ENTRY);

        assertThat(doc.keySet()).containsExactly("_id", "userId", "host", "port", "epoch", "lastHeartbeat", "voters");
        assertThat(doc.get("port")).isInstanceOf(Integer.class);
        assertThat(doc.get("epoch")).isInstanceOf(Long.class);
        assertThat(doc.get("lastHeartbeat")).isInstanceOf(Long.class);
        assertThat(doc.getList("voters", String.class)).containsExactly(B.value(), C.value());
    }

    @Test
    void votersThatAreNotDeviceIdsAreSkipped() {
        Document doc = OnlineDeviceDocuments.toDocument(ENTRY).append("voters", List.of(B.value(), "junk", 42));

        assertThat(OnlineDeviceDocuments.fromDocument(doc).voters()).containsExactly(B);
    }

    @Test
    void missingVotersReadAsNone() {
        Document doc = OnlineDeviceDocuments.toDocument(ENTRY);
        doc.remove("voters");

        assertThat(OnlineDeviceDocuments.fromDocument(doc).voters()).isEmpty();
    }

    @Test
    void malformedFieldsAreRejected() {
        assertThatThrownBy(() -> OnlineDeviceDocuments.fromDocument(
                OnlineDeviceDocuments.toDocument(ENTRY).append("voters", "b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("voters");
        assertThatThrownBy(() -> OnlineDeviceDocuments.fromDocument(
                OnlineDeviceDocuments.toDocument(ENTRY).append("epoch", 1.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epoch");
        assertThatThrownBy(() -> OnlineDeviceDocuments.fromDocument(
                OnlineDeviceDocuments.toDocument(ENTRY).append("port", 1L << 40)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
    }
}
