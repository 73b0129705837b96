package org.peershelf.registry.mapping;

import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.peershelf.protocol.registry.PublishedResource;

/**
 * The derived search fields of a resource document are not signed; the reader recomputes them from
 * the signed content (the resource id covers title, authors, tags, abstract and DOI) and refuses a hit
 * whose stored fields differ, so a registry user cannot make a resource turn up for words it does not
 * have. (Removing words, which hides a resource, cannot be seen by a reader that never gets the hit.)
 */
public final class SearchFieldCheck {
    private static final List<String> DERIVED = List.of(ResourceDocuments.KEYWORDS, ResourceDocuments.SEARCH_TEXT,
            ResourceDocuments.AUTHORS_FOLDED, ResourceDocuments.TAGS_FOLDED);

    private SearchFieldCheck() {
    }

    /** @throws IllegalArgumentException if a stored search field is not what the content gives */
    public static void requireDerivedFromContent(Document stored, PublishedResource content) {
        Document expected = ResourceDocuments.toDocument(content);
        for (String field : DERIVED) {
            if (expected.containsKey(field) && !Objects.equals(expected.get(field), stored.get(field))) {
                throw new IllegalArgumentException("its '" + field + "' is not derived from its content (tampered)");
            }
        }
    }
}
