package org.peershelf.registry.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.KeyRing;
import org.peershelf.protocol.identity.RecordSigner;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.identity.VerifiedRecords;
import org.peershelf.protocol.registry.DeviceRecord;
import org.peershelf.protocol.registry.OnlineDevice;
import org.peershelf.protocol.registry.PublishedResource;
import org.peershelf.protocol.registry.RoomRecord;
import org.peershelf.protocol.registry.UserRecord;

/**
 * Signs the directory and presence documents a local device writes and checks those it reads, with
 * {@link RecordSigner} over the same fields the mappers store: device documents are signed by the
 * device itself, user documents by a device of that user, online entries (the session and each
 * heartbeat) by the device, disconnect votes by the voter. A failing document is reported as
 * malformed (one WARN per document) and left out.
 */
public final class DocumentSignatures {
    public static final String SIGNATURE = "signature";

    /** Enough for the online entries, devices and users of a large lab, several times over. */
    private static final int VERIFIED_CAPACITY = 8192;

    private final KeyRing keys;
    private final SignaturePolicy policy;
    private final VerifiedRecords verified = new VerifiedRecords(VERIFIED_CAPACITY);

    public DocumentSignatures(KeyRing keys, SignaturePolicy policy) {
        this.keys = keys;
        this.policy = policy;
    }

    public KeyRing keys() {
        return keys;
    }

    // ---- devices

    static Map<String, Object> deviceFields(DeviceRecord d) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("deviceId", d.deviceId().value());
        f.put("owner", d.owner().value());
        f.put("publicKey", d.publicKeyBase64());
        f.put("name", d.name());
        f.put("registeredAt", d.registeredAtMillis());
        return f;
    }

    public Document signDevice(DeviceRecord device, Document doc) {
        keys.noteOwner(device.deviceId(), device.owner());
        keys.find(device.deviceId()).ifPresent(k -> doc.append(SIGNATURE, RecordSigner.sign(k, "device", deviceFields(device))));
        return doc;
    }

    /** @throws IllegalArgumentException if the document is malformed or its signature does not verify */
    public DeviceRecord verifiedDevice(Document doc) {
        DeviceRecord device = DeviceDocuments.fromDocument(doc);
        if (!DeviceId.fromPublicKey(decode(device.publicKeyBase64())).equals(device.deviceId())) {
            throw new IllegalArgumentException("its public key is not the key of device " + device.deviceId().shortForm());
        }
        check(doc, SIGNATURE, sig -> verified.verify(device.deviceId(), device.publicKeyBase64(), "device",
                deviceFields(device), sig));
        // the owner's user key must vouch for the device, or anyone could add a device to anyone's user id
        check(doc, DeviceDocuments.ENDORSEMENT, sig -> device.endorsementVerifies());
        return device;
    }

    // ---- users

    static Map<String, Object> userFields(UserRecord u, String signedBy) {
        UserProfile p = u.profile();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("userId", p.userId().value());
        f.put("displayName", p.displayName());
        f.put("institution", p.institution());
        f.put("field", p.field());
        f.put("orcid", p.orcid());
        f.put("email", p.email());
        f.put("updatedAt", u.updatedAtMillis());
        f.put("signedBy", signedBy);
        return f;
    }

    public Document signUser(UserRecord user, Document doc) {
        Optional<DeviceIdentity> device = keys.deviceOf(user.profile().userId());
        device.ifPresent(k -> doc.append(UserDocuments.SIGNED_BY, k.deviceId().value())
                .append(SIGNATURE, RecordSigner.sign(k, "user", userFields(user, k.deviceId().value()))));
        return doc;
    }

    /**
     * @param devices looks up a (verified) device record by id
     * @throws IllegalArgumentException if malformed, or not signed by a device of that user
     */
    public UserRecord verifiedUser(Document doc, Function<DeviceId, Optional<DeviceRecord>> devices) {
        UserRecord user = UserDocuments.fromDocument(doc);
        check(doc, SIGNATURE, sig -> {
            if (!(doc.get(UserDocuments.SIGNED_BY) instanceof String by) || !DeviceId.isValid(by)) {
                return false;
            }
            Optional<DeviceRecord> signer = devices.apply(DeviceId.of(by));
            return signer.isPresent() && signer.get().owner().equals(user.profile().userId())
                    && verified.verify(signer.get().deviceId(), signer.get().publicKeyBase64(), "user",
                    userFields(user, by), sig);
        });
        return user;
    }

    // ---- resources and holders

    static Map<String, Object> resourceFields(PublishedResource r) {
        // the resource id is the hash of the metadata and files, checked when the document is read
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("resourceId", r.resource().id().hex());
        f.put("owner", r.owner().value());
        f.put("publishedBy", r.publishedBy().value());
        f.put("publishedAt", r.publishedAtMillis());
        return f;
    }

    static Map<String, Object> holderFields(String resourceHex, DeviceId device, long updatedAt) {
        return Map.of("resourceId", resourceHex, "deviceId", device.value(), "updatedAt", updatedAt);
    }

    public Document signResource(PublishedResource published, Document doc) {
        keys.find(published.publishedBy()).ifPresent(k -> doc.append(SIGNATURE,
                RecordSigner.sign(k, "resource", resourceFields(published))));
        return doc;
    }

    /** @throws IllegalArgumentException if malformed, or not signed by the publishing device of the owner */
    public PublishedResource verifiedResource(Document doc, Function<DeviceId, Optional<DeviceRecord>> devices) {
        PublishedResource published = ResourceDocuments.fromDocument(doc);
        check(doc, SIGNATURE, sig -> signedByDeviceOf(devices, published.publishedBy(), published.owner(),
                "resource", resourceFields(published), sig));
        return published;
    }

    public Optional<String> signHolder(String resourceHex, DeviceId holder, long updatedAt) {
        return keys.find(holder).map(k -> RecordSigner.sign(k, "holder", holderFields(resourceHex, holder, updatedAt)));
    }

    /** @throws IllegalArgumentException if malformed, or not signed by the holding device */
    public DeviceId verifiedHolder(Document doc, Function<DeviceId, Optional<DeviceRecord>> devices) {
        DeviceId holder = HolderDocuments.deviceOf(doc);
        String resource = DocumentReads.requireString(doc, HolderDocuments.RESOURCE_ID);
        long updatedAt = DocumentReads.requireLong(doc, HolderDocuments.UPDATED_AT);
        check(doc, SIGNATURE, sig -> signedByDeviceOf(devices, holder, null, "holder",
                holderFields(resource, holder, updatedAt), sig));
        return holder;
    }

    private boolean signedByDeviceOf(Function<DeviceId, Optional<DeviceRecord>> devices, DeviceId signer,
                                            org.peershelf.protocol.identity.UserId owner, String kind,
                                            Map<String, Object> fields, String sig) {
        Optional<DeviceRecord> device = devices.apply(signer);
        return device.isPresent() && (owner == null || device.get().owner().equals(owner))
                && verified.verify(signer, device.get().publicKeyBase64(), kind, fields, sig);
    }

    // ---- rooms (members are not signed: several devices change them)

    static Map<String, Object> roomFields(RoomRecord r) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("roomId", r.roomId());
        f.put("name", r.name());
        f.put("originalHost", r.originalHost().value());
        f.put("originalUser", r.originalUser().value());
        f.put("createdAt", r.createdAt());
        return f;
    }

    static Map<String, Object> hostFields(String roomId, DeviceId host, long epoch) {
        return Map.of("roomId", roomId, "currentHost", host.value(), "epoch", epoch);
    }

    public Document signRoom(RoomRecord room, Document doc) {
        keys.find(room.originalHost()).ifPresent(k -> doc.append(RoomFields.SIGNATURE, RecordSigner.sign(k, "room",
                roomFields(room))));
        signHostClaim(room.roomId(), room.currentHost(), room.epoch()).ifPresent(sig -> doc.append(RoomFields.HOST_SIGNATURE, sig));
        List<String> members = room.members().stream().map(DeviceId::value).distinct().toList();
        signMembers(room.roomId(), room.currentHost(), room.epoch(), members).ifPresent(sig -> doc
                .append(RoomFields.SIGNED_MEMBERS, members).append(RoomFields.MEMBERS_SIGNATURE, sig));
        return doc;
    }

    /** Member ids as they are signed: distinct and sorted, so every signer and reader builds the same list. */
    static List<String> sortedMembers(java.util.Collection<String> members) {
        return members.stream().distinct().sorted().toList();
    }

    static Map<String, Object> membersFields(String roomId, long epoch, java.util.Collection<String> members) {
        return Map.of("roomId", roomId, "epoch", epoch, "members", sortedMembers(members));
    }

    /** The host's signature over the member list (as a set) at this epoch, if this client holds the host's key. */
    public Optional<String> signMembers(String roomId, DeviceId host, long epoch, List<String> members) {
        return keys.find(host).map(k -> RecordSigner.sign(k, "room-members", membersFields(roomId, epoch, members)));
    }

    public Optional<String> signHostClaim(String roomId, DeviceId host, long epoch) {
        return keys.find(host).map(k -> RecordSigner.sign(k, "room-host", hostFields(roomId, host, epoch)));
    }

    /** The signing device and its signature for marking a room deleted on behalf of {@code user}. */
    public Optional<Map.Entry<DeviceId, String>> signDeletion(String roomId, org.peershelf.protocol.identity.UserId user) {
        return keys.deviceOf(user).map(k -> Map.entry(k.deviceId(),
                RecordSigner.sign(k, "room-deleted", Map.of("roomId", roomId))));
    }

    /** @throws IllegalArgumentException if malformed, or its creation, host or deletion is not signed by whom it must be */
    public RoomRecord verifiedRoom(Document doc, Function<DeviceId, Optional<DeviceRecord>> devices) {
        RoomRecord room = RoomDocuments.fromDocument(doc);
        check(doc, RoomFields.SIGNATURE, sig -> signedByDeviceOf(devices, room.originalHost(), room.originalUser(),
                "room", roomFields(room), sig));
        check(doc, RoomFields.HOST_SIGNATURE, sig -> signedByDeviceOf(devices, room.currentHost(), null, "room-host",
                hostFields(room.roomId(), room.currentHost(), room.epoch()), sig));
        if (room.deleted()) {
            check(doc, RoomFields.DELETED_SIGNATURE, sig -> doc.get(RoomFields.DELETED_BY) instanceof String by
                    && DeviceId.isValid(by) && signedByDeviceOf(devices, DeviceId.of(by), room.originalUser(),
                    "room-deleted", Map.of("roomId", room.roomId()), sig));
        }
        // members as the current host signed them at this epoch; `members` itself anyone can change
        List<DeviceId> signedMembers = signedMembersOf(doc);
        check(doc, RoomFields.MEMBERS_SIGNATURE, sig -> signedMembers != null && signedByDeviceOf(devices,
                room.currentHost(), null, "room-members",
                membersFields(room.roomId(), room.epoch(), signedMembers.stream().map(DeviceId::value).toList()), sig));
        if (doc.get(RoomFields.MEMBERS_SIGNATURE) == null) {
            return room; // unsigned, accepted by this policy: the queryable list, as before
        }
        return new RoomRecord(room.roomId(), room.name(), room.originalHost(), room.originalUser(), room.currentHost(),
                room.epoch(), signedMembers, room.deleted(), room.createdAt());
    }

    /** The {@code signedMembers} of a room document, or null if it has none or it is not a list of device ids. */
    public static List<DeviceId> signedMembersOf(Document doc) {
        if (!(doc.get(RoomFields.SIGNED_MEMBERS) instanceof List<?> list)) {
            return null;
        }
        List<DeviceId> members = new java.util.ArrayList<>(list.size());
        for (Object m : list) {
            if (!(m instanceof String s) || !DeviceId.isValid(s)) {
                return null;
            }
            members.add(DeviceId.of(s));
        }
        return members;
    }

    // ---- online entries and votes

    static Map<String, Object> sessionFields(OnlineDevice d) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("deviceId", d.deviceId().value());
        f.put("userId", d.userId().value());
        f.put("host", d.host());
        f.put("port", d.port());
        f.put("epoch", d.epoch());
        return f;
    }

    static Map<String, Object> heartbeatFields(DeviceId device, long epoch, long lastHeartbeat) {
        return Map.of("deviceId", device.value(), "epoch", epoch, "lastHeartbeat", lastHeartbeat);
    }

    /**
     * A vote names the target's session, the voter's own session and when it was cast (the voter's
     * freshness horizon then), so a copy from another session of either, or an old one put back after
     * the voter withdrew it, does not count.
     */
    static Map<String, Object> voteFields(DeviceId target, long epoch, DeviceId voter, long voterEpoch, long votedAt) {
        return Map.of("target", target.value(), "epoch", epoch, "voter", voter.value(), "voterEpoch", voterEpoch,
                "votedAt", votedAt);
    }

    /** How long a vote counts after it was cast: voters vote again at every failed redial (backing off to 30 s). */
    public static final long VOTE_LIFETIME_MILLIS = 60_000;
    public static final String VOTE_SIGNATURE = "signature";
    public static final String VOTER_EPOCH = "voterEpoch";
    public static final String VOTED_AT = "votedAt";

    public Document signOnline(OnlineDevice device, Document doc) {
        keys.find(device.deviceId()).ifPresent(k -> doc
                .append(OnlineDeviceDocuments.PUBLIC_KEY, k.publicKeyBase64())
                .append(SIGNATURE, RecordSigner.sign(k, "online", sessionFields(device)))
                .append(OnlineDeviceDocuments.HEARTBEAT_SIGNATURE, RecordSigner.sign(k, "heartbeat",
                        heartbeatFields(device.deviceId(), device.epoch(), device.lastHeartbeatMillis()))));
        return doc;
    }

    /** The heartbeat signature to store with a new heartbeat time, if this client holds the device's key. */
    public Optional<String> signHeartbeat(DeviceId device, long epoch, long nowMillis) {
        return keys.find(device).map(k -> RecordSigner.sign(k, "heartbeat", heartbeatFields(device, epoch, nowMillis)));
    }

    /** The signed vote to store under the voter's id in the target's {@code voteSignatures}, if this client holds its key. */
    public Optional<Document> signVote(DeviceId target, long epoch, DeviceId voter, long voterEpoch, long votedAt) {
        return keys.find(voter).map(k -> new Document(VOTER_EPOCH, voterEpoch).append(VOTED_AT, votedAt)
                .append(VOTE_SIGNATURE, RecordSigner.sign(k, "vote", voteFields(target, epoch, voter, voterEpoch, votedAt))));
    }

    /** @throws IllegalArgumentException if malformed, or the session or its last heartbeat is not signed by the device */
    public OnlineDevice verifiedOnline(Document doc) {
        OnlineDevice device = OnlineDeviceDocuments.fromDocument(doc);
        String key = doc.get(OnlineDeviceDocuments.PUBLIC_KEY) instanceof String s ? s : null;
        check(doc, SIGNATURE, sig -> verified.verify(device.deviceId(), key, "online", sessionFields(device), sig));
        check(doc, OnlineDeviceDocuments.HEARTBEAT_SIGNATURE, sig -> verified.verify(device.deviceId(), key,
                "heartbeat", heartbeatFields(device.deviceId(), device.epoch(), device.lastHeartbeatMillis()), sig));
        return device;
    }

    /** The device key an online document carries (already checked by {@link #verifiedOnline}), if any. */
    public static Optional<String> publicKeyOf(Document doc) {
        return doc.get(OnlineDeviceDocuments.PUBLIC_KEY) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /**
     * Whether {@code voter}'s vote in the target's document counts: signed by the voter's key (as
     * published in its own verified online entry) in the voter's current session ({@code voterEpoch}),
     * cast within {@link #VOTE_LIFETIME_MILLIS} of {@code freshSince}; or unsigned where the policy
     * accepts that.
     */
    public boolean voteCounts(Document target, DeviceId voter, Optional<String> voterKey, long voterEpoch,
                              long freshSince) {
        Object sigs = target.get(OnlineDeviceDocuments.VOTE_SIGNATURES);
        Object vote = sigs instanceof Document d ? d.get(voter.value()) : null;
        if (vote == null) {
            return policy == SignaturePolicy.ACCEPT_UNSIGNED;
        }
        if (!(vote instanceof Document v) || !(v.get(VOTE_SIGNATURE) instanceof String sig)
                || !(v.get(VOTER_EPOCH) instanceof Long castInEpoch) || !(v.get(VOTED_AT) instanceof Long votedAt)) {
            return false; // a bare signature of an older version, or junk
        }
        if (castInEpoch != voterEpoch || votedAt < freshSince - VOTE_LIFETIME_MILLIS) {
            return false; // from an earlier session of the voter, or stale: a replay
        }
        DeviceId targetId = DeviceId.of(DocumentReads.requireString(target, OnlineDeviceDocuments.ID));
        long epoch = DocumentReads.requireLong(target, OnlineDeviceDocuments.EPOCH);
        return voterKey.isPresent() && verified.verify(voter, voterKey.get(), "vote",
                voteFields(targetId, epoch, voter, castInEpoch, votedAt), sig);
    }

    private void check(Document doc, String field, java.util.function.Predicate<String> verifies) {
        Object sig = doc.get(field);
        if (sig == null) {
            if (policy == SignaturePolicy.REQUIRED) {
                throw new IllegalArgumentException("it carries no '" + field + "' (signatures are required)");
            }
            return;
        }
        if (!(sig instanceof String s) || !verifies.test(s)) {
            throw new IllegalArgumentException("its '" + field + "' does not verify (tampered or forged)");
        }
    }

    private static byte[] decode(String base64) {
        try {
            return java.util.Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("its public key is not base64");
        }
    }
}
