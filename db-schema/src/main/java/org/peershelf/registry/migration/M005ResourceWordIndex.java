package org.peershelf.registry.migration;

import static org.peershelf.registry.migration.SchemaSteps.ensureCollection;

import com.mongodb.client.MongoDatabase;
import org.peershelf.registry.RegistryCollections;
import org.peershelf.registry.ResourceWordIndex;

/**
 * The search's word index ({@code resourceWords}, decision 0003), built for the resources already listed. Only
 * {@code $addToSet}s, so applying it again, or next to a peer that publishes meanwhile, changes nothing twice.
 */
final class M005ResourceWordIndex implements Migration {
    @Override
    public int number() {
        return 5;
    }

    @Override
    public String description() {
        return "resourceWords: the search's word index, built for the resources already listed";
    }

    @Override
    public void apply(MongoDatabase database) {
        ensureCollection(database, RegistryCollections.RESOURCE_WORDS);
        ResourceWordIndex.rebuild(database);
    }
}
