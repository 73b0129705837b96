package org.peershelf.registry.mapping;

/**
 * Field names of the {@code resources} collection that the schema depends on (indexes of migration 002).
 * One document per published resource version; the mapper for the full document belongs with the
 * resource record when that port exists.
 */
public final class ResourceFields {
    /** Identifies one published version; unique. */
    public static final String RESOURCE_ID = "resourceId";
    /** Lower-cased search words (array, multikey index): the embedded registry has no $text. */
    public static final String KEYWORDS = "keywords";
    /** Epoch milliseconds (int64). */
    public static final String PUBLISHED_AT = "publishedAt";
    public static final String OWNER_USER_ID = "ownerUserId";
    /** paper, dataset, code, slides… */
    public static final String TYPE = "type";
    public static final String YEAR = "year";

    private ResourceFields() {
    }
}
