package org.peershelf.registry;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.registry.DeviceRecord;
import org.peershelf.registry.mapping.DocumentSignatures;
import org.peershelf.registry.mapping.HolderDocuments;

/**
 * The holders of a page of resources as their signed {@code holders} records say: the {@code holderIds}
 * copy on a resource document is unsigned, so search counts a holder only if the holder signed the
 * claim. One read for the whole page (a few for a page of many holders).
 */
final class SignedHolders {
    private final MongoCollection<Document> holders;
    private final RegistryCalls calls;
    private final MalformedDocuments malformed;
    private final DocumentSignatures signatures;
    private final Function<DeviceId, Optional<DeviceRecord>> devices;

    SignedHolders(MongoCollection<Document> holders, RegistryCalls calls, MalformedDocuments malformed,
                  DocumentSignatures signatures, Function<DeviceId, Optional<DeviceRecord>> devices) {
        this.holders = holders;
        this.calls = calls;
        this.malformed = malformed;
        this.signatures = signatures;
        this.devices = devices;
    }

    /**
     * Resource id (hex) → ids of the devices whose holder record of it verifies, of the holders each resource's
     * {@code holderIds} names (the others do not count anyway). Read by {@code _id}: a query on {@code resourceId}
     * scans the whole collection on the embedded server (300 ms a page at 100,000 holder records, measured).
     *
     * @param claimed resource id → the device ids its document's {@code holderIds} names
     */
    Map<String, Set<String>> of(Map<String, List<String>> claimed) {
        Map<String, Set<String>> byResource = new HashMap<>();
        List<String> ids = new ArrayList<>();
        claimed.forEach((resource, devices) -> devices.forEach(device -> ids.add(HolderDocuments.idOf(resource, device))));
        for (int i = 0; i < ids.size(); i += ListingNumbers.READ_BATCH) {
            List<String> batch = ids.subList(i, Math.min(ids.size(), i + ListingNumbers.READ_BATCH));
            calls.run(() -> holders.find(in(HolderDocuments.ID, batch)).forEach(doc ->
                    malformed.read(RegistryCollections.HOLDERS, doc, d -> signatures.verifiedHolder(d, devices))
                            .ifPresent(device -> byResource.computeIfAbsent(
                                    String.valueOf(doc.get(HolderDocuments.RESOURCE_ID)), r -> new HashSet<>())
                                    .add(device.value()))));
        }
        return byResource;
    }
}
