package org.peershelf.registry;

import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.registry.mapping.ResourceDocuments;
import org.peershelf.registry.mapping.SearchWords;

/**
 * {@link ResourceFilters} evaluated here instead of by the server, for the candidates the index gives
 * ({@link IndexedMatches}): the embedded server uses its {@code _id} index only for a query on {@code _id} alone, so
 * "these ids and this filter" would scan. Same rules, same fields, same patterns.
 */
final class ResourceMatcher {
    /** The fields the rules read (a projection for the candidates). */
    static final List<String> FIELDS = List.of(ResourceDocuments.UNPUBLISHED, ResourceDocuments.SEARCH_TEXT,
            ResourceDocuments.TYPE, ResourceDocuments.YEAR, ResourceDocuments.AUTHORS_FOLDED,
            ResourceDocuments.TAGS_FOLDED, ResourceDocuments.OWNER_USER_ID);

    private final List<String> words;
    private final String type;
    private final Integer yearFrom;
    private final Integer yearTo;
    private final Pattern author;
    private final String tag;
    private final String owner;

    ResourceMatcher(ResourceQuery q) {
        this.words = SearchWords.ofQuery(q.text()).stream().map(w -> " " + w).toList();
        this.type = q.type() == null ? null : q.type().label();
        this.yearFrom = q.yearFrom();
        this.yearTo = q.yearTo();
        this.author = q.author() == null ? null : Pattern.compile(ResourceFilters.authorPattern(q.author()));
        this.tag = q.tag() == null ? null : SearchWords.fold(q.tag());
        this.owner = q.owner() == null ? null : q.owner().value();
    }

    boolean matches(Document doc) {
        if (Boolean.TRUE.equals(doc.get(ResourceDocuments.UNPUBLISHED))) {
            return false;
        }
        if (!words.isEmpty()) {
            if (!(doc.get(ResourceDocuments.SEARCH_TEXT) instanceof String text)) {
                return false;
            }
            for (String w : words) {
                if (!text.contains(w)) {
                    return false;
                }
            }
        }
        if (type != null && !type.equals(doc.get(ResourceDocuments.TYPE))) {
            return false;
        }
        if (yearFrom != null || yearTo != null) {
            if (!(doc.get(ResourceDocuments.YEAR) instanceof Number n)) {
                return false;
            }
            if (yearFrom != null && n.intValue() < yearFrom || yearTo != null && n.intValue() > yearTo) {
                return false;
            }
        }
        if (author != null && strings(doc.get(ResourceDocuments.AUTHORS_FOLDED)).stream()
                .noneMatch(a -> author.matcher(a).find())) {
            return false;
        }
        if (tag != null && !strings(doc.get(ResourceDocuments.TAGS_FOLDED)).contains(tag)) {
            return false;
        }
        return owner == null || owner.equals(doc.get(ResourceDocuments.OWNER_USER_ID));
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list
                ? list.stream().filter(String.class::isInstance).map(String.class::cast).toList() : List.of();
    }
}
