package org.peershelf.registry;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.registry.PublishedResource;
import org.peershelf.protocol.registry.ResourceHit;
import org.peershelf.protocol.registry.ResourcePage;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.protocol.resource.ResourceId;
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
    /** Counting stops here: "1,000+" is as useful to a person as the exact number and much cheaper. */
    static final int COUNT_CAP = 1_000;
    private static final Bson NEWEST_FIRST = new Document("$natural", -1);

    private final MongoCollection<Document> resources;
    private final MongoCollection<Document> holders;
    private final MongoCollection<Document> online;
    private final RegistryCalls calls;
    private final MalformedDocuments malformed;

    MongoResources(MongoDatabase database, RegistryCalls calls, MalformedDocuments malformed) {
        this.resources = database.getCollection(RegistryCollections.RESOURCES);
        this.holders = database.getCollection(RegistryCollections.HOLDERS);
        this.online = database.getCollection(RegistryCollections.ONLINE_DEVICES);
        this.calls = calls;
        this.malformed = malformed;
    }

    void publishResource(PublishedResource published) {
        Document doc = ResourceDocuments.toDocument(published);
        calls.run(() -> resources.replaceOne(eq(ResourceDocuments.ID, doc.get(ResourceDocuments.ID)), doc, UPSERT));
    }

    /**
     * Replaces the document by a tombstone instead of deleting it: the embedded server reuses a deleted document's
     * slot for the next insert, which would put a new resource among old ones in natural order.
     */
    void unpublishResource(ResourceId id) {
        calls.run(() -> resources.updateOne(eq(ResourceDocuments.ID, id.hex()),
                Updates.set(ResourceDocuments.UNPUBLISHED, true)));
        calls.run(() -> resources.replaceOne(and(eq(ResourceDocuments.ID, id.hex()),
                eq(ResourceDocuments.UNPUBLISHED, true)), ResourceDocuments.tombstone(id)));
    }

    Optional<PublishedResource> findResource(ResourceId id) {
        Document doc = calls.call(() -> resources.find(eq(ResourceDocuments.ID, id.hex())).first());
        return doc == null || Boolean.TRUE.equals(doc.get(ResourceDocuments.UNPUBLISHED)) ? Optional.empty()
                : malformed.read(RegistryCollections.RESOURCES, doc, ResourceDocuments::fromDocument);
    }

    void addHolder(ResourceId id, DeviceId holder, long nowMillis) {
        Bson update = Updates.combine(Updates.set(HolderDocuments.RESOURCE_ID, id.hex()),
                Updates.set(HolderDocuments.DEVICE_ID, holder.value()),
                Updates.set(HolderDocuments.UPDATED_AT, nowMillis),
                Updates.setOnInsert(HolderDocuments.SINCE, nowMillis));
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
            malformed.read(RegistryCollections.HOLDERS, doc, HolderDocuments::deviceOf).ifPresent(devices::add);
        }
        return devices;
    }

    /**
     * Newest first is the registry's reverse insertion order ({@code $natural: -1}): the embedded server has no
     * secondary indexes and sorts by copying every match (seconds at 100,000 resources), while a scan in natural
     * order stops as soon as the page is full. So a query that matches much is fast, one that matches little costs
     * one scan. One more than the page is fetched to know whether a next page exists; the total is exact from the
     * page when it is not full, else counted up to {@value #COUNT_CAP}.
     */
    ResourcePage search(ResourceQuery query) {
        Bson filter = ResourceFilters.of(query);
        List<Document> docs = calls.call(() -> resources.find(filter).sort(NEWEST_FIRST)
                .skip(query.offset()).limit(query.limit() + 1).into(new ArrayList<>()));
        boolean hasMore = docs.size() > query.limit();
        if (hasMore) {
            docs = docs.subList(0, query.limit());
        }
        long total;
        boolean exact;
        if (!hasMore && (!docs.isEmpty() || query.offset() == 0)) {
            total = query.offset() + docs.size();
            exact = true;
        } else {
            long counted = calls.call(() -> resources.countDocuments(filter, new CountOptions().limit(COUNT_CAP)));
            exact = counted < COUNT_CAP;
            // the count and the page are two reads: never report fewer than the page proves to exist
            total = hasMore ? Math.max(counted, query.offset() + docs.size() + 1L) : counted;
        }
        List<PublishedResource> page = new ArrayList<>(docs.size());
        for (Document doc : docs) {
            malformed.read(RegistryCollections.RESOURCES, doc, ResourceDocuments::fromDocument).ifPresent(page::add);
        }
        return new ResourcePage(withAvailability(page, query.freshSinceMillis()), total, exact, query.offset(),
                query.limit(), hasMore);
    }

    private List<ResourceHit> withAvailability(List<PublishedResource> page, long freshSinceMillis) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<String> ids = page.stream().map(p -> p.resource().id().hex()).toList();
        List<Document> holderDocs = calls.call(() -> holders.find(in(HolderDocuments.RESOURCE_ID, ids))
                .projection(Projections.include(HolderDocuments.RESOURCE_ID, HolderDocuments.DEVICE_ID))
                .into(new ArrayList<>()));
        Set<String> onlineIds = new HashSet<>();
        calls.run(() -> online.find(gte(OnlineDeviceDocuments.LAST_HEARTBEAT, freshSinceMillis))
                .projection(Projections.include(OnlineDeviceDocuments.ID))
                .forEach(doc -> onlineIds.add(String.valueOf(doc.get(OnlineDeviceDocuments.ID)))));
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
