package org.peershelf.protocol.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VerifiedRecordsTest {
    private final DeviceIdentity device = DeviceIdentity.generate();
    private final Map<String, Object> fields = Map.of("deviceId", device.deviceId().value(), "epoch", 7L);
    private final String signature = RecordSigner.sign(device, "online", fields);

    @Test
    void aRememberedSignatureStillVouchesOnlyForTheContentItSigned() {
        VerifiedRecords records = new VerifiedRecords(16);
        assertTrue(records.verify(device.deviceId(), device.publicKeyBase64(), "online", fields, signature));
        assertTrue(records.verify(device.deviceId(), device.publicKeyBase64(), "online", fields, signature));
        assertEquals(1, records.size());

        Map<String, Object> tampered = Map.of("deviceId", device.deviceId().value(), "epoch", 8L);
        assertFalse(records.verify(device.deviceId(), device.publicKeyBase64(), "online", tampered, signature));
        assertFalse(records.verify(device.deviceId(), device.publicKeyBase64(), "vote", fields, signature));
    }

    @Test
    void failuresAreNotRememberedAndAForeignKeyNeverVerifies() {
        VerifiedRecords records = new VerifiedRecords(16);
        DeviceIdentity other = DeviceIdentity.generate();
        assertFalse(records.verify(device.deviceId(), other.publicKeyBase64(), "online", fields, signature));
        assertFalse(records.verify(other.deviceId(), other.publicKeyBase64(), "online", fields, signature));
        assertFalse(records.verify(device.deviceId(), device.publicKeyBase64(), "online", fields, null));
        assertEquals(0, records.size());
    }

    @Test
    void theLeastRecentlyUsedGoFirstBeyondTheCapacity() {
        VerifiedRecords records = new VerifiedRecords(2);
        for (long epoch = 0; epoch < 5; epoch++) {
            Map<String, Object> f = Map.of("epoch", epoch);
            assertTrue(records.verify(device.deviceId(), device.publicKeyBase64(), "online", f,
                    RecordSigner.sign(device, "online", f)));
        }
        assertEquals(2, records.size());
    }
}
