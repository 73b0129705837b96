package org.peershelf.registry.mapping;

import static org.peershelf.registry.mapping.DocumentReads.requireInt;
import static org.peershelf.registry.mapping.DocumentReads.requireLong;
import static org.peershelf.registry.mapping.DocumentReads.requireString;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.OnlineDevice;

/**
 * The {@code online_devices} collection: one document per device that is (or recently was) online,
 * keyed by the device id, so a device has at most one session in the list.
 */
public final class OnlineDeviceDocuments {
    public static final String ID = "_id";
    public static final String USER_ID = "userId";
    public static final String HOST = "host";
    public static final String PORT = "port";
    /** The session epoch (int64), chosen anew by the device at every announce. */
    public static final String EPOCH = "epoch";
    /** Epoch milliseconds (int64) of the last heartbeat; readers treat old entries as offline. */
    public static final String LAST_HEARTBEAT = "lastHeartbeat";
    /** Device ids (strings) that voted they cannot reach this device in this session: a set. */
    public static final String VOTERS = "voters";
    /** The device's Ed25519 public key (X.509 DER, base64), so readers can check the signatures below. */
    public static final String PUBLIC_KEY = "publicKey";
    /** The device's signature over the session (id, user, host, port, epoch); see DocumentSignatures. */
    public static final String SIGNATURE = DocumentSignatures.SIGNATURE;
    /** The device's signature over (id, epoch, lastHeartbeat), renewed with every heartbeat. */
    public static final String HEARTBEAT_SIGNATURE = "heartbeatSignature";
    /**
     * Sub-document voter id → that voter's vote {@code {voterEpoch, votedAt, signature}}: its signature over
     * (target, epoch, voter, voterEpoch, votedAt); see DocumentSignatures.
     */
    public static final String VOTE_SIGNATURES = "voteSignatures";

    private OnlineDeviceDocuments() {
    }

    public static Document toDocument(OnlineDevice device) {
        List<String> voters = device.voters().stream().map(DeviceId::value).sorted().toList();
        return new Document(ID, device.deviceId().value())
                .append(USER_ID, device.userId().value())
                .append(HOST, device.host())
                .append(PORT, device.port())
                .append(EPOCH, device.epoch())
                .append(LAST_HEARTBEAT, device.lastHeartbeatMillis())
                .append(VOTERS, voters);
    }

    /**
     * Voter entries that are not device ids are skipped rather than failing the whole entry: the vote
     * rule only counts online device ids anyway.
     *
     * @throws IllegalArgumentException if the document does not have the expected shape
     */
    public static OnlineDevice fromDocument(Document doc) {
        return new OnlineDevice(new DeviceId(requireString(doc, ID)), new UserId(requireString(doc, USER_ID)),
                requireString(doc, HOST), requireInt(doc, PORT), requireLong(doc, EPOCH),
                requireLong(doc, LAST_HEARTBEAT), voters(doc));
    }

    /** The session epoch of a raw document, or {@code otherwise} if it has none. */
    public static long epochOr(Document doc, long otherwise) {
        return doc.get(EPOCH) instanceof Number n ? n.longValue() : otherwise;
    }

    /** The voter ids of a raw document, as the vote rule reads them. */
    public static Set<DeviceId> voters(Document doc) {
        Object raw = doc.get(VOTERS);
        Set<DeviceId> voters = new HashSet<>();
        if (raw instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof String s && DeviceId.isValid(s)) {
                    voters.add(DeviceId.of(s));
                }
            }
        } else if (raw != null) {
            throw DocumentReads.malformed(doc, VOTERS, "an array");
        }
        return voters;
    }
}
