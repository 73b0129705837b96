package org.peershelf.protocol.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Signs and verifies registry records: the Ed25519 signature of a device over
 * {@code peershelf/record/v1|<kind>|<canonical JSON of the fields>}. The kind (device, user, online,
 * vote, …) keeps a signature made for one kind of record from being replayed as another. The mappers
 * of every collection call this with the fields they store.
 */
public final class RecordSigner {
    private static final String DOMAIN = "peershelf/record/v1|";

    private RecordSigner() {
    }

    public static byte[] statement(String kind, Map<String, ?> fields) {
        byte[] head = (DOMAIN + kind + "|").getBytes(StandardCharsets.UTF_8);
        byte[] body = CanonicalJson.of(fields);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    public static String sign(DeviceIdentity signer, String kind, Map<String, ?> fields) {
        return Base64.getEncoder().encodeToString(signer.sign(statement(kind, fields)));
    }

    /**
     * True only if {@code publicKeyBase64} is the key of {@code signer} (its id is derived from the key)
     * and {@code signatureBase64} is its signature over these fields.
     */
    public static boolean verify(DeviceId signer, String publicKeyBase64, String kind, Map<String, ?> fields,
                                 String signatureBase64) {
        if (signer == null || publicKeyBase64 == null || signatureBase64 == null) {
            return false;
        }
        try {
            byte[] key = Base64.getDecoder().decode(publicKeyBase64);
            return DeviceId.fromPublicKey(key).equals(signer)
                    && DeviceIdentity.verify(key, statement(kind, fields), Base64.getDecoder().decode(signatureBase64));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
