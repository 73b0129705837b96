package org.peershelf.registry.migration;

import static org.peershelf.registry.migration.SchemaSteps.ensureCollection;

import com.mongodb.client.MongoDatabase;
import org.peershelf.registry.RegistryCollections;
import org.peershelf.registry.ResourceIndex;

/**
 * Copies the listing numbers' resource ids ({@code n:<number>} in {@code resourceIndex}) into blocks of 64
 * ({@code m:<block>}, one field per number), so that a search turns a page of numbers into ids with one or two reads
 * (decision 0008, update of 2026-12-03 night). Only sets what the {@code n:} documents say: applying it again, or next
 * to a peer that publishes meanwhile (it writes its own block entry), changes nothing twice.
 */
final class M008NumberBlocks implements Migration {
    @Override
    public int number() {
        return 8;
    }

    @Override
    public String description() {
        return "resourceIndex: listing numbers' resource ids copied into blocks of 64 (m:<block>)";
    }

    @Override
    public void apply(MongoDatabase database) {
        ensureCollection(database, RegistryCollections.RESOURCE_INDEX);
        ResourceIndex.copyNumbersIntoBlocks(database);
    }
}
