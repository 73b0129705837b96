package org.peershelf.registry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.registry.mapping.ResourceDocuments;
import org.peershelf.registry.mapping.SearchWords;

/**
 * The keys of {@code resourceIndex}: what a resource is listed under, and which keys can answer each term of a
 * query. {@code w:} + the first 3, 4, …, 12 letters of every search word (a query word is a word prefix, so a query
 * word of n ≥ 3 letters looks up its first min(n, 12): a superset beyond 12), {@code a:} + the same for every word of an author
 * name, {@code t:} + a folded tag, {@code u:} + the owner, {@code ty:} + the type, {@code y:} + the year and
 * {@code k:<type>|<year>} for type and year together (a year range is a union of years).
 */
final class IndexKeys {
    static final int MIN_PREFIX = 3;
    /**
     * Up to 8 until migration 9: a query word of 9 letters then had to be checked against every candidate's document,
     * 1,000 of them for a common word on the way to "1,000+", 250–1,700 ms on the H2 backend.
     */
    static final int MAX_PREFIX = 12;
    /** The longest prefix before migration 9, which adds the keys from here to {@link #MAX_PREFIX}. */
    static final int MAX_PREFIX_BEFORE_M009 = 8;
    /** A wider year range is left to the filter: its union would read too many lists to help. */
    static final int MAX_YEAR_SPAN = 64;
    /**
     * Every resource ever unpublished (a tombstone, or listed again since): sets are only added to, so the index
     * cannot drop a resource; a candidate in this set is checked against its document.
     */
    static final String GONE = "x:gone";
    /**
     * Every resource listed: what a query with no condition at all looks up. Newest first by scan is cheap on the
     * in-memory server but reads and sorts every document on the H2 backend (5.7 s for the newest 1,000 of 100,000).
     */
    static final String ALL = "x:all";

    private IndexKeys() {
    }

    /** The keys a resource document (as {@link ResourceDocuments#toDocument} makes it) is listed under. */
    static Set<String> of(Document resource) {
        Set<String> keys = new LinkedHashSet<>();
        for (String word : strings(resource.get(ResourceDocuments.KEYWORDS))) {
            addPrefixes("w:", word, keys);
        }
        for (String author : strings(resource.get(ResourceDocuments.AUTHORS_FOLDED))) {
            for (String word : SearchWords.ofQuery(author)) {
                addPrefixes("a:", word, keys);
            }
        }
        for (String tag : strings(resource.get(ResourceDocuments.TAGS_FOLDED))) {
            keys.add("t:" + tag);
        }
        if (resource.get(ResourceDocuments.OWNER_USER_ID) instanceof String owner) {
            keys.add("u:" + owner);
        }
        if (!keys.isEmpty()) { // a tombstone has no fields, hence no keys, and is not listed
            keys.add(ALL);
        }
        if (resource.get(ResourceDocuments.TYPE) instanceof String type) {
            keys.add(type(type));
            if (resource.get(ResourceDocuments.YEAR) instanceof Number year) {
                keys.add(year(year.intValue()));
                keys.add(typeAndYear(type, year.intValue()));
            }
        }
        return keys;
    }

    /**
     * The terms of a query the index can answer, each as the keys whose union holds every resource matching that
     * term (a superset: the caller still applies the whole filter). Empty when nothing can be answered (no words of
     * 3+ letters, no tag, owner, type or bounded year range); every resource listed for a query with no condition.
     */
    static List<List<String>> termsOf(ResourceQuery q) {
        List<List<String>> terms = new ArrayList<>();
        if (SearchWords.ofQuery(q.text()).isEmpty() && q.author() == null && q.tag() == null && q.owner() == null
                && q.type() == null && q.yearFrom() == null && q.yearTo() == null) {
            terms.add(List.of(ALL));
            return terms;
        }
        for (String word : SearchWords.ofQuery(q.text())) {
            prefixKey("w:", word).ifPresent(k -> terms.add(List.of(k)));
        }
        if (q.author() != null) {
            // the filter text occurs in a name at a word start, so each of its words begins a word of that name
            for (String word : SearchWords.ofQuery(q.author())) {
                prefixKey("a:", word).ifPresent(k -> terms.add(List.of(k)));
            }
        }
        if (q.tag() != null) {
            terms.add(List.of("t:" + SearchWords.fold(q.tag())));
        }
        if (q.owner() != null) {
            terms.add(List.of("u:" + q.owner().value()));
        }
        boolean years = q.yearFrom() != null && q.yearTo() != null
                && (long) q.yearTo() - q.yearFrom() < MAX_YEAR_SPAN;
        if (years) {
            List<String> keys = new ArrayList<>();
            for (int y = q.yearFrom(); y <= q.yearTo(); y++) {
                keys.add(q.type() == null ? year(y) : typeAndYear(q.type().label(), y));
            }
            terms.add(keys); // empty when from > to: nothing matches
        } else if (q.type() != null) {
            terms.add(List.of(type(q.type().label())));
        }
        return terms;
    }

    /**
     * Whether {@link #termsOf} gives exactly the matches (tombstones aside) rather than a superset, so that search
     * can count and order candidates without reading their documents: every query word is a plain word of 3 to 12
     * letters or digits (its key is the word itself: the resources with a word beginning with it), the author filter,
     * if any, is one such word and nothing else, and the year range, if any, has both ends within
     * {@value #MAX_YEAR_SPAN} years.
     */
    static boolean exact(ResourceQuery q) {
        for (String word : SearchWords.ofQuery(q.text())) {
            if (!plainWord(word)) {
                return false;
            }
        }
        if (q.author() != null && !oneWordAuthor(q.author())) {
            return false;
        }
        boolean yearBounded = q.yearFrom() == null && q.yearTo() == null || q.yearFrom() != null && q.yearTo() != null
                && (long) q.yearTo() - q.yearFrom() < MAX_YEAR_SPAN;
        return yearBounded && !termsOf(q).isEmpty();
    }

    private static boolean plainWord(String word) {
        return word.length() >= MIN_PREFIX && word.length() <= MAX_PREFIX
                && word.chars().allMatch(Character::isLetterOrDigit);
    }

    /**
     * An author filter of one plain word matches a name where that word begins a word of the name
     * ({@link ResourceFilters#authorPattern}), which is what its {@code a:} key lists: the author filter was the
     * slowest kind on H2 (p50 59–148 ms) while it read every candidate's document to check this. Several words, or
     * other characters, still need the regex over the whole name (adjacent words, punctuation). One known difference:
     * a name where the word follows a character that the regex counts as part of a word but the index's split does
     * not (a numeric character other than a digit, or a letter outside the Basic Multilingual Plane, with no space in
     * between) is listed under the word but not matched by the regex.
     */
    private static boolean oneWordAuthor(String author) {
        List<String> words = SearchWords.ofQuery(author);
        return words.size() == 1 && plainWord(words.get(0)) && words.get(0).equals(SearchWords.fold(author));
    }

    /** Whether a key is a word or author-word prefix longer than migration 7 wrote (what migration 9 adds). */
    static boolean longPrefix(String key) {
        return (key.startsWith("w:") || key.startsWith("a:")) && key.length() - 2 > MAX_PREFIX_BEFORE_M009;
    }

    private static String type(String label) {
        return "ty:" + label;
    }

    private static String year(int year) {
        return "y:" + year;
    }

    private static String typeAndYear(String label, int year) {
        return "k:" + label + "|" + year;
    }

    private static Optional<String> prefixKey(String kind, String word) {
        return word.length() < MIN_PREFIX ? Optional.empty()
                : Optional.of(kind + word.substring(0, Math.min(word.length(), MAX_PREFIX)));
    }

    private static void addPrefixes(String kind, String word, Set<String> into) {
        for (int n = MIN_PREFIX; n <= Math.min(word.length(), MAX_PREFIX); n++) {
            into.add(kind + word.substring(0, n));
        }
    }

    static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (o instanceof String s) {
                out.add(s);
            }
        }
        return out;
    }
}
