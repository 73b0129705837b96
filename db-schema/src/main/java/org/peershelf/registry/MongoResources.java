package org.peershelf.registry;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
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
import java.util.function.Function;
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
import org.peershelf.registry.mapping.SearchFieldCheck;

/**
 * The catalogue ({@code resources}) and who holds what ({@code holders}). Every write is one idempotent
 * single-document operation (a holder change is two: its {@code holders} record and the copy in the resource
 * document), so the outbox may resend any of them. A search is three reads: the matching ids, the page's
 * documents, the page's signed holder records and the fresh online list; availability is the page's
 * {@code holderIds} that have a signed holder record and are on that list.
 */
final class MongoResources {
    /** Counting stops here: "1,000+" is as useful to a person as the exact number and much cheaper. */
    static final int COUNT_CAP = 1_000;
    private static final Bson NEWEST_FIRST = new Document("$natural", -1);

    private final MongoCollection<Document> resources;
    private final MongoCollection<Document> holders;
    private final MongoCollection<Document> online;
    private final RegistryCalls calls;
    private final MalformedDocuments malformed;
    private final DocumentSignatures signatures;
    private final Function<DeviceId, Optional<DeviceRecord>> devices;
    private final SignedHolders signedHolderReader;
    private final ResourceIndex index;
    private final IndexedMatches indexed;

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
        this.signedHolderReader = new SignedHolders(holders, calls, malformed, signatures, devices);
        this.index = new ResourceIndex(database);
        this.indexed = new IndexedMatches(resources, index);
    }

    /** {@code $set} of every field, not a replace, so the document keeps its {@code holderIds}. */
    void publishResource(PublishedResource published) {
        Document doc = signatures.signResource(published, ResourceDocuments.toDocument(published));
        List<Bson> sets = new ArrayList<>();
        doc.forEach((field, value) -> {
            if (!field.equals(ResourceDocuments.ID)) {
                sets.add(Updates.set(field, value));
            }
        });
        sets.add(Updates.unset(ResourceDocuments.UNPUBLISHED));
        // the index first: a search may then see an id whose document is not there yet (skipped), never miss one
        calls.run(() -> index.add(doc));
        calls.run(() -> resources.updateOne(eq(ResourceDocuments.ID, doc.get(ResourceDocuments.ID)),
                Updates.combine(sets), new UpdateOptions().upsert(true)));
    }

    /**
     * Turns the document into a tombstone (one atomic update) instead of deleting it: the embedded server reuses a
     * deleted document's slot for the next insert, which would put a new resource among old ones in natural order.
     */
    void unpublishResource(ResourceId id) {
        calls.run(() -> index.unpublished(id.hex()));
        calls.run(() -> resources.updateOne(eq(ResourceDocuments.ID, id.hex()), ResourceDocuments.tombstoneUpdate()));
    }

    Optional<PublishedResource> findResource(ResourceId id) {
        Document doc = calls.call(() -> resources.find(eq(ResourceDocuments.ID, id.hex())).first());
        return doc == null || Boolean.TRUE.equals(doc.get(ResourceDocuments.UNPUBLISHED)) ? Optional.empty()
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
        // the copy search reads (see ResourceDocuments.HOLDER_IDS); a resource not listed yet has no document
        calls.run(() -> resources.updateOne(eq(ResourceDocuments.ID, id.hex()),
                Updates.addToSet(ResourceDocuments.HOLDER_IDS, holder.value())));
    }

    void removeHolder(ResourceId id, DeviceId holder) {
        calls.run(() -> holders.deleteOne(eq(HolderDocuments.ID, HolderDocuments.idOf(id, holder))));
        calls.run(() -> resources.updateOne(eq(ResourceDocuments.ID, id.hex()),
                Updates.pull(ResourceDocuments.HOLDER_IDS, holder.value())));
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

    /** The device's own holder records (unverified: a device reads them to correct them). */
    List<ResourceId> heldBy(DeviceId device) {
        List<ResourceId> ids = new ArrayList<>();
        calls.run(() -> holders.find(eq(HolderDocuments.DEVICE_ID, device.value()))
                .projection(Projections.include(HolderDocuments.RESOURCE_ID))
                .forEach(doc -> {
                    try {
                        ids.add(ResourceId.of(String.valueOf(doc.get(HolderDocuments.RESOURCE_ID))));
                    } catch (RuntimeException e) {
                        // not a resource id: nothing this device can correct by id
                    }
                }));
        return ids;
    }

    /**
     * Newest first is the registry's reverse insertion order: the listing numbers of the index (decision 0008), or
     * {@code $natural: -1} for a scan. One step finds how many match, counted up to {@value #COUNT_CAP} (or as many
     * as the page needs: exact below, "1,000+" at it), and the page's ids: from the index when the query has a term
     * it can look up ({@link ResourceIndex#candidates}, checked by {@link IndexedMatches}), else by one
     * natural-order scan that stops early (the embedded server has no secondary indexes and sorts by copying every
     * match). A second read fetches the page's documents by {@code _id}.
     */
    ResourcePage search(ResourceQuery query) {
        int wanted = Math.max(COUNT_CAP, query.offset() + query.limit() + 1);
        Optional<ResourceIndex.Candidates> candidates = calls.call(() -> index.candidates(query));
        IndexedMatches.Found found = candidates.isPresent()
                ? calls.call(() -> indexed.find(candidates.get(), query, wanted))
                : IndexedMatches.Found.of(scan(query, wanted), query);
        List<String> pageIds = found.pageIds();
        List<Document> docs = pageIds.isEmpty() ? List.of()
                : calls.call(() -> resources.find(in(ResourceDocuments.ID, pageIds)).into(new ArrayList<>()));
        Map<String, Document> byId = new HashMap<>();
        docs.forEach(d -> byId.put(String.valueOf(d.get(ResourceDocuments.ID)), d));
        Set<String> online = pageIds.isEmpty() ? Set.of() : onlineIds(query.freshSinceMillis());
        Map<String, List<String>> claimed = new HashMap<>();
        byId.forEach((id, d) -> claimed.put(id, ResourceDocuments.holderIds(d)));
        Map<String, Set<String>> signedHolders = signedHolderReader.of(claimed);
        List<ResourceHit> hits = new ArrayList<>(pageIds.size());
        for (String id : pageIds) {
            Document doc = byId.get(id);
            if (doc != null) { // null: unpublished between the two reads
                malformed.read(RegistryCollections.RESOURCES, doc, d -> verifiedHit(d))
                        .ifPresent(p -> hits.add(hit(p, doc, online, signedHolders.getOrDefault(id, Set.of()))));
            }
        }
        boolean exact = found.total() < wanted; // else there may be more than we counted
        boolean hasMore = found.total() > query.offset() + query.limit();
        return new ResourcePage(hits, found.total(), exact, query.offset(), query.limit(), hasMore);
    }

    /** A hit must be signed and found by the words its content gives (the search fields are not signed). */
    private PublishedResource verifiedHit(Document doc) {
        PublishedResource published = signatures.verifiedResource(doc, this.devices);
        SearchFieldCheck.requireDerivedFromContent(doc, published);
        return published;
    }

    /** The ids of the first {@code wanted} matches in natural order, newest first: one (early-stopping) scan. */
    private List<String> scan(ResourceQuery query, int wanted) {
        Bson filter = ResourceFilters.of(query);
        List<String> ids = new ArrayList<>();
        calls.run(() -> resources.find(filter).sort(NEWEST_FIRST).projection(Projections.include(ResourceDocuments.ID))
                .limit(wanted).forEach(doc -> ids.add(String.valueOf(doc.get(ResourceDocuments.ID)))));
        return ids;
    }

    /** Holders counted are those in the (unsigned) {@code holderIds} copy whose own holder record is signed. */
    private static ResourceHit hit(PublishedResource published, Document doc, Set<String> online, Set<String> signed) {
        List<String> holderIds = ResourceDocuments.holderIds(doc).stream().filter(signed::contains).toList();
        int onlineHolders = (int) holderIds.stream().filter(online::contains).count();
        return new ResourceHit(published, holderIds.size(), onlineHolders);
    }

    /**
     * Fresh online devices whose entries verify. The {@code holderIds} copy on a resource is not signed, so a
     * forged holder id counts as online only if it is a device that really is online.
     */
    private Set<String> onlineIds(long freshSinceMillis) {
        Set<String> ids = new HashSet<>();
        calls.run(() -> online.find(gte(OnlineDeviceDocuments.LAST_HEARTBEAT, freshSinceMillis))
                .forEach(doc -> malformed.read(RegistryCollections.ONLINE_DEVICES, doc, signatures::verifiedOnline)
                        .ifPresent(device -> ids.add(device.deviceId().value()))));
        return ids;
    }
}
