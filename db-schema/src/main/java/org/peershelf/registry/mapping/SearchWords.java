package org.peershelf.registry.mapping;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.peershelf.protocol.resource.ResourceMetadata;

/**
 * The search words of a resource, our stand-in for {@code $text} (the embedded registry lacks it): lower-cased,
 * accents folded ("Émile" is found by "emile"), split on anything that is not a letter or digit. The whole DOI is a
 * word too, so a pasted DOI finds its resource. Queries are split by the same rules and matched as word prefixes.
 */
public final class SearchWords {
    /** Bounds the document size for a resource with a very long abstract. */
    public static final int MAX_WORDS = 2_000;
    private static final int MAX_WORD = 64;

    private SearchWords() {
    }

    public static List<String> of(ResourceMetadata m) {
        Set<String> words = new LinkedHashSet<>();
        split(m.title(), words);
        m.authors().forEach(a -> split(a, words));
        m.tags().forEach(t -> split(t, words));
        if (m.doi() != null) {
            words.add(fold(m.doi()));
            split(m.doi(), words);
        }
        split(m.abstractText(), words);
        List<String> list = new ArrayList<>(words);
        return list.size() > MAX_WORDS ? List.copyOf(list.subList(0, MAX_WORDS)) : List.copyOf(list);
    }

    /**
     * The words as one string, {@code " w1 w2 … "}: a query word {@code q} matches a word it begins when
     * {@code " q"} occurs in it. One regex over one string is several times cheaper for the embedded server
     * than matching a regex against every element of an array.
     */
    public static String searchText(ResourceMetadata m) {
        return " " + String.join(" ", of(m)) + " ";
    }

    /** The words of a query, in order, each once. */
    public static List<String> ofQuery(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text != null) {
            String folded = fold(text.strip());
            if (folded.startsWith("10.") && folded.indexOf('/') > 0 && folded.indexOf(' ') < 0) {
                words.add(folded); // a DOI: match it whole, not as "10", "1000", …
                return List.copyOf(words);
            }
            split(text, words);
        }
        return List.copyOf(words);
    }

    /** Lower-case without accents. */
    public static String fold(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static void split(String text, Set<String> into) {
        if (text == null) {
            return;
        }
        String folded = fold(text);
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean wordChar = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                String word = folded.substring(start, Math.min(i, start + MAX_WORD));
                into.add(word);
                start = -1;
            }
        }
    }
}
