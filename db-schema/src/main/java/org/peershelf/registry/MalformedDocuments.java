package org.peershelf.registry;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads documents written by other peers. One malformed document (another version, a bug, a person with
 * a shell) must not break the online list for everyone, so it is skipped, with one warning per document.
 */
final class MalformedDocuments {
    private static final Logger LOG = LoggerFactory.getLogger(MalformedDocuments.class);
    private static final int MAX_REMEMBERED = 1_000;

    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    <T> Optional<T> read(String collection, Document doc, Function<Document, T> mapper) {
        try {
            return Optional.of(mapper.apply(doc));
        } catch (IllegalArgumentException e) {
            String key = collection + "/" + doc.get("_id");
            if (reported.size() < MAX_REMEMBERED && reported.add(key)) {
                LOG.warn("Skipping malformed registry document {}: {}", key, e.getMessage());
            }
            return Optional.empty();
        }
    }
}
