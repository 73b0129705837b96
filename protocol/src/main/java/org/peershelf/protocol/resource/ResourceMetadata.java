package org.peershelf.protocol.resource;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a person says about a resource. The constructor normalises (trim, Unicode NFC, blank → absent, a DOI without
 * its {@code https://doi.org/} prefix, tags without duplicates) so that metadata typed on two machines that reads the
 * same also hashes the same, and it bounds every field because metadata arrives from other peers.
 *
 * @param year            publication year, or null
 * @param previousVersion the resource this one is a new version of, or null (see {@link #previous()})
 */
public record ResourceMetadata(String title, List<String> authors, Integer year, ResourceType type, String doi,
                               String abstractText, List<String> tags, String licence, String version,
                               ResourceId previousVersion) {
    public static final int MAX_TITLE = 500;
    public static final int MAX_NAME = 300;
    public static final int MAX_AUTHORS = 1000;
    public static final int MAX_TAGS = 100;
    public static final int MAX_TAG = 100;
    public static final int MAX_ABSTRACT = 20_000;
    public static final int MAX_SHORT = 300;

    public ResourceMetadata {
        title = clean(title, "title", MAX_TITLE);
        if (title == null) {
            throw new InvalidMetadataException("A resource needs a title.");
        }
        if (type == null) {
            throw new InvalidMetadataException("A resource needs a type (paper, dataset, code, slides, thesis, other).");
        }
        authors = cleanList(authors, "author name", MAX_NAME, MAX_AUTHORS, false);
        tags = cleanList(tags, "tag", MAX_TAG, MAX_TAGS, true);
        if (year != null && (year < 0 || year > 9999)) {
            throw new InvalidMetadataException("Year " + year + " is not a year.");
        }
        doi = normaliseDoi(clean(doi, "DOI", MAX_SHORT));
        abstractText = clean(abstractText, "abstract", MAX_ABSTRACT);
        licence = clean(licence, "licence", MAX_SHORT);
        version = clean(version, "version", MAX_SHORT);
    }

    /** A title and a type, nothing else; add the rest with the {@code with…} methods or {@link #builder}. */
    public static ResourceMetadata of(String title, ResourceType type) {
        return new ResourceMetadata(title, List.of(), null, type, null, null, List.of(), null, null, null);
    }

    public static Builder builder(String title, ResourceType type) {
        return new Builder(title, type);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public Optional<ResourceId> previous() {
        return Optional.ofNullable(previousVersion);
    }

    /** Metadata of a new version of {@code previous}: the same, pointing back to it, with a new version label. */
    public ResourceMetadata asNewVersionOf(ResourceId previous, String newVersion) {
        return toBuilder().previousVersion(previous).version(newVersion).build();
    }

    private static String clean(String value, String what, int max) {
        if (value == null) {
            return null;
        }
        String s = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() > max) {
            throw new InvalidMetadataException("The " + what + " is longer than " + max + " characters.");
        }
        if (s.indexOf('\0') >= 0) {
            throw new InvalidMetadataException("The " + what + " contains a NUL character.");
        }
        return s;
    }

    private static List<String> cleanList(List<String> values, String what, int max, int maxCount, boolean dedupe) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        if (values.size() > maxCount) {
            throw new InvalidMetadataException("At most " + maxCount + " entries of " + what + " are allowed.");
        }
        List<String> out = new ArrayList<>(values.size());
        Set<String> seen = new LinkedHashSet<>();
        for (String value : values) {
            String s = clean(value, what, max);
            if (s != null && (!dedupe || seen.add(s.toLowerCase(Locale.ROOT)))) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    private static String normaliseDoi(String doi) {
        if (doi == null) {
            return null;
        }
        String lower = doi.toLowerCase(Locale.ROOT);
        for (String prefix : List.of("https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                "http://dx.doi.org/", "doi:")) {
            if (lower.startsWith(prefix)) {
                String rest = doi.substring(prefix.length()).strip();
                return rest.isEmpty() ? null : rest;
            }
        }
        return doi;
    }

    /** Builds metadata field by field; validation happens in {@link #build()}. */
    public static final class Builder {
        private String title;
        private List<String> authors = List.of();
        private Integer year;
        private ResourceType type;
        private String doi;
        private String abstractText;
        private List<String> tags = List.of();
        private String licence;
        private String version;
        private ResourceId previousVersion;

        private Builder(String title, ResourceType type) {
            this.title = title;
            this.type = type;
        }

        private Builder(ResourceMetadata m) {
            this(m.title, m.type);
            authors = m.authors;
            year = m.year;
            doi = m.doi;
            abstractText = m.abstractText;
            tags = m.tags;
            licence = m.licence;
            version = m.version;
            previousVersion = m.previousVersion;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder type(ResourceType value) {
            type = value;
            return this;
        }

        public Builder authors(List<String> value) {
            authors = value;
            return this;
        }

        public Builder year(Integer value) {
            year = value;
            return this;
        }

        public Builder doi(String value) {
            doi = value;
            return this;
        }

        public Builder abstractText(String value) {
            abstractText = value;
            return this;
        }

        public Builder tags(List<String> value) {
            tags = value;
            return this;
        }

        public Builder licence(String value) {
            licence = value;
            return this;
        }

        public Builder version(String value) {
            version = value;
            return this;
        }

        public Builder previousVersion(ResourceId value) {
            previousVersion = value;
            return this;
        }

        public ResourceMetadata build() {
            return new ResourceMetadata(title, authors, year, type, doi, abstractText, tags, licence, version,
                    previousVersion);
        }
    }
}
