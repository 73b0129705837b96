package org.peershelf.registry.migration;

import static org.peershelf.registry.migration.SchemaSteps.ensureCollection;

import com.mongodb.client.MongoDatabase;
import org.peershelf.registry.RegistryCollections;
import org.peershelf.registry.ResourceIndex;

/**
 * Word and author-word prefixes of 9 to 12 letters for the resources already listed (migration 7 wrote up to 8), so
 * that a query word of up to 12 letters is answered from the index alone instead of by reading every candidate's
 * document (decision 0008, update of 2026-12-03 night). Writes its own fields ({@code b1000}, …) with the complete
 * sets: applying it again, or next to a peer that publishes meanwhile (it writes these keys itself), changes
 * nothing twice.
 */
final class M009LongerWordPrefixes implements Migration {
    @Override
    public int number() {
        return 9;
    }

    @Override
    public String description() {
        return "resourceIndex: word and author-word prefixes of 9 to 12 letters for the resources already listed";
    }

    @Override
    public void apply(MongoDatabase database) {
        ensureCollection(database, RegistryCollections.RESOURCE_INDEX);
        ResourceIndex.addLongPrefixes(database);
    }
}
