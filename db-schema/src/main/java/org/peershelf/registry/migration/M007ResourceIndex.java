package org.peershelf.registry.migration;

import static org.peershelf.registry.migration.SchemaSteps.dropIfPresent;
import static org.peershelf.registry.migration.SchemaSteps.ensureCollection;

import com.mongodb.client.MongoDatabase;
import org.peershelf.registry.RegistryCollections;
import org.peershelf.registry.ResourceIndex;

/**
 * The search's index by listing number ({@code resourceIndex}, decision 0008), built for the
 * resources already listed; then migration 5's {@code resourceWords}, which it replaces, is dropped (at 100,000
 * resources it held more of the embedded registry's heap than the resources themselves). Numbers go by position
 * unless given already, postings are only added to, a drop of a dropped collection does nothing (also when two peers
 * drop it at once): applying it again, or next to a peer that publishes meanwhile, changes nothing twice.
 */
final class M007ResourceIndex implements Migration {
    @Override
    public int number() {
        return 7;
    }

    @Override
    public String description() {
        return "resourceIndex: the search's index by listing number, built for the resources already listed; "
                + "resourceWords dropped";
    }

    @Override
    public void apply(MongoDatabase database) {
        ensureCollection(database, RegistryCollections.RESOURCE_INDEX);
        ResourceIndex.rebuild(database);
        dropIfPresent(database, RegistryCollections.RESOURCE_WORDS);
    }
}
