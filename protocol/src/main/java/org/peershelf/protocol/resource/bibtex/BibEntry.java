package org.peershelf.protocol.resource.bibtex;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed entry. Field names are lower-case; values are raw: string macros expanded and {@code #} joined, the
 * outer delimiters gone, inner braces and LaTeX commands kept (author lists are split on {@code and} at brace depth
 * zero before {@link LatexText#decode decoding}).
 */
public record BibEntry(String type, String key, Map<String, String> fields) {
    public BibEntry {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Optional<String> raw(String field) {
        return Optional.ofNullable(fields.get(field));
    }

    /** The field as plain text (braces and LaTeX escapes resolved), if present and not blank. */
    public Optional<String> text(String field) {
        return raw(field).map(LatexText::decode).filter(s -> !s.isBlank());
    }
}
