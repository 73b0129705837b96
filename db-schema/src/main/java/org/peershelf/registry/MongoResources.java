package org.peershelf.registry;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.registry.DeviceRecord;
import org.peershelf.protocol.registry.PublishedResource;
import org.peershelf.protocol.registry.ResourceHit;
import org.peershelf.protocol.registry.ResourcePage;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.protocol.resource.ResourceId;
import org.peershelf.registry.mapping.DocumentSignatures;
import org.peershelf.registry.mapping.HolderDocuments;
import org.peershelf.registry.mapping.OnlineDeviceDocuments;
import org.peershelf.registry.mapping.ResourceDocuments;

/**
 * The catalogue ({@code resources}) and who holds what ({@code holders}). Every write is one idempotent
 * single-document operation, so the outbox may resend any of them. A search is three reads: the page of resources,
 * their holders, and the fresh online list; availability is the intersection of the last two.
 */
final class MongoResources {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> resources;
    private final MongoCollection<Document> holders;
    private final MongoCollection<Document> online;
    private final RegistryCalls calls;
    private final MalformedDocuments malformed;
    private final DocumentSignatures signatures;
    private final Function<DeviceId, Optional<DeviceRecord>> devices;

    /** @param devices verified device records by id, for the keys that signed resources and holders */
    MongoResources(MongoDatabase database, RegistryCalls calls, MalformedDocuments malformed,
                   DocumentSignatures signatures, Function<DeviceId, Optional<DeviceRecord>> devices) {
        this.signatures = signatures;
        this.devices = devices;
        this.resources = database.getCollection(RegistryCollections.RESOURCES);
        this.holders = database.getCollection(RegistryCollections.HOLDERS);
        this.online = database.getCollection(RegistryCollections.ONLINE_DEVICES);
        this.calls = calls;
        this.malformed = malformed;
    }

    void publishResource(PublishedResource published) {
        Document doc = signatures.signResource(published, ResourceDocuments.toDocument(published));
        calls.run(() -> resources.replaceOne(eq(ResourceDocuments.ID, doc.get(ResourceDocuments.ID)), doc, UPSERT));
    }

    void unpublishResource(ResourceId id) {
        calls.run(() -> resources.deleteOne(eq(ResourceDocuments.ID, id.hex())));
    }

    Optional<PublishedResource> findResource(ResourceId id) {
        Document doc = calls.call(() -> resources.find(eq(ResourceDocuments.ID, id.hex())).first());
        return doc == null ? Optional.empty()
                : malformed.read(RegistryCollections.RESOURCES, doc, d -> signatures.verifiedResource(d, this.devices));
    }

    void addHolder(ResourceId id, DeviceId holder, long nowMillis) {
        List<Bson> sets = new ArrayList<>(List.of(Updates.set(HolderDocuments.RESOURCE_ID, id.hex()),
                Updates.set(HolderDocuments.DEVICE_ID, holder.value()),
                Updates.set(HolderDocuments.UPDATED_AT, nowMillis),
                Updates.setOnInsert(HolderDocuments.SINCE, nowMillis)));
        signatures.signHolder(id.hex(), holder, nowMillis).ifPresent(sig -> sets.add(Updates.set(HolderDocuments.SIGNATURE, sig)));
        Bson update = Updates.combine(sets);
        calls.run(() -> holders.updateOne(eq(HolderDocuments.ID, HolderDocuments.idOf(id, holder)), update,
                new UpdateOptions().upsert(true)));
    }

    void removeHolder(ResourceId id, DeviceId holder) {
        calls.run(() -> holders.deleteOne(eq(HolderDocuments.ID, HolderDocuments.idOf(id, holder))));
    }

    List<DeviceId> holders(ResourceId id) {
        List<Document> docs = calls.call(() -> holders.find(eq(HolderDocuments.RESOURCE_ID, id.hex()))
                .sort(Sorts.ascending(HolderDocuments.ID)).into(new ArrayList<>()));
        List<DeviceId> devices = new ArrayList<>(docs.size());
        for (Document doc : docs) {
            malformed.read(RegistryCollections.HOLDERS, doc, d -> signatures.verifiedHolder(d, this.devices)).ifPresent(devices::add);
        }
        return devices;
    }

    ResourcePage search(ResourceQuery query) {
        Bson filter = ResourceFilters.of(query);
        List<Document> docs = calls.call(() -> resources.find(filter)
                .sort(Sorts.orderBy(Sorts.descending(ResourceDocuments.PUBLISHED_AT),
                        Sorts.ascending(ResourceDocuments.ID)))
                .skip(query.offset()).limit(query.limit()).into(new ArrayList<>()));
        long total = docs.size() < query.limit() && (query.offset() == 0 || !docs.isEmpty())
                ? query.offset() + docs.size()
                : calls.call(() -> resources.countDocuments(filter));
        List<PublishedResource> page = new ArrayList<>(docs.size());
        for (Document doc : docs) {
            malformed.read(RegistryCollections.RESOURCES, doc, d -> signatures.verifiedResource(d, this.devices)).ifPresent(page::add);
        }
        return new ResourcePage(withAvailability(page, query.freshSinceMillis()), total, query.offset(), query.limit());
    }

    private List<ResourceHit> withAvailability(List<PublishedResource> page, long freshSinceMillis) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<String> ids = page.stream().map(p -> p.resource().id().hex()).toList();
        List<Document> holderDocs = new ArrayList<>();
        for (Document doc : calls.call(() -> holders.find(in(HolderDocuments.RESOURCE_ID, ids)).into(new ArrayList<>()))) {
            if (malformed.read(RegistryCollections.HOLDERS, doc, d -> signatures.verifiedHolder(d, this.devices)).isPresent()) {
                holderDocs.add(doc);
            }
        }
        Set<String> onlineIds = new HashSet<>();
        for (Document doc : calls.call(() -> online.find(gte(OnlineDeviceDocuments.LAST_HEARTBEAT, freshSinceMillis))
                .into(new ArrayList<>()))) {
            malformed.read(RegistryCollections.ONLINE_DEVICES, doc, signatures::verifiedOnline)
                    .ifPresent(device -> onlineIds.add(device.deviceId().value()));
        }
        Map<String, int[]> counts = new HashMap<>(); // resource id → {holders, online holders}
        for (Document doc : holderDocs) {
            Object resource = doc.get(HolderDocuments.RESOURCE_ID);
            int[] c = counts.computeIfAbsent(String.valueOf(resource), k -> new int[2]);
            c[0]++;
            if (onlineIds.contains(String.valueOf(doc.get(HolderDocuments.DEVICE_ID)))) {
                c[1]++;
            }
        }
        List<ResourceHit> hits = new ArrayList<>(page.size());
        for (PublishedResource p : page) {
            int[] c = counts.getOrDefault(p.resource().id().hex(), new int[2]);
            hits.add(new ResourceHit(p, c[0], c[1]));
        }
        return hits;
    }
}
