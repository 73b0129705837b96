package org.peershelf.protocol.resource.bibtex;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.peershelf.protocol.PeerShelfException;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;

/**
 * Resource metadata from and to BibTeX. Import: title, author (split on {@code and} outside braces,
 * "Last, First" turned into "First Last"), year (or the year of {@code date}), doi, abstract, keywords → tags,
 * licence, version, and the type from the entry type ({@code @phdthesis} → thesis, {@code @software} → code,
 * {@code @dataset} → dataset, {@code @misc} → other, article-like → paper), overridden by a {@code resourcetype}
 * field, which export writes so slides and the like survive a round trip.
 */
public final class BibtexMetadata {
    public static final String RESOURCE_TYPE_FIELD = "resourcetype";
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");
    private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);

    private BibtexMetadata() {
    }

    /** The first entry of pasted text. @throws BibtexException if it cannot be read or has no usable title */
    public static ResourceMetadata fromText(String text) {
        return fromEntry(BibtexParser.parseFirst(text));
    }

    /** Every entry of a .bib file (UTF-8, or Latin-1 when it is not valid UTF-8). */
    public static List<ResourceMetadata> fromFile(Path file) throws IOException {
        if (Files.size(file) > BibtexParser.MAX_CHARS) {
            throw new BibtexException(file + " is larger than " + BibtexParser.MAX_CHARS + " bytes", 0);
        }
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        List<ResourceMetadata> all = new ArrayList<>();
        for (BibEntry entry : BibtexParser.parse(text)) {
            all.add(fromEntry(entry));
        }
        return all;
    }

    public static ResourceMetadata fromEntry(BibEntry entry) {
        String title = entry.text("title").orElseThrow(() ->
                new BibtexException("the entry " + entry.key() + " has no title", 0));
        ResourceType type = entry.text(RESOURCE_TYPE_FIELD).map(BibtexMetadata::typeLabel)
                .orElseGet(() -> typeOf(entry.type()));
        Integer year = entry.text("year").or(() -> entry.text("date")).flatMap(BibtexMetadata::year).orElse(null);
        try {
            return ResourceMetadata.builder(title, type)
                    .authors(entry.raw("author").map(BibtexMetadata::authors).orElse(List.of()))
                    .year(year)
                    .doi(entry.text("doi").orElse(null))
                    .abstractText(entry.text("abstract").orElse(null))
                    .tags(entry.text("keywords").map(BibtexMetadata::tags).orElse(List.of()))
                    .licence(entry.text("license").or(() -> entry.text("licence")).orElse(null))
                    .version(entry.text("version").orElse(null))
                    .build();
        } catch (PeerShelfException e) {
            throw new BibtexException("the entry " + entry.key() + " cannot be used: " + e.getMessage(), 0);
        }
    }

    static ResourceType typeOf(String entryType) {
        return switch (entryType.toLowerCase(Locale.ROOT)) {
            case "article", "inproceedings", "conference", "incollection", "book", "inbook", "booklet",
                 "techreport", "report", "unpublished", "proceedings", "manual", "online" -> ResourceType.PAPER;
            case "phdthesis", "mastersthesis", "thesis" -> ResourceType.THESIS;
            case "dataset", "data" -> ResourceType.DATASET;
            case "software", "code" -> ResourceType.CODE;
            case "slides", "presentation" -> ResourceType.SLIDES;
            default -> ResourceType.OTHER;
        };
    }

    private static ResourceType typeLabel(String label) {
        try {
            return ResourceType.fromLabel(label);
        } catch (PeerShelfException e) {
            throw new BibtexException(e.getMessage(), 0);
        }
    }

    private static Optional<Integer> year(String text) {
        Matcher m = YEAR.matcher(text);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** Splits on "and" outside braces, then decodes each name. */
    static List<String> authors(String raw) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (depth == 0 && Character.isWhitespace(c)) {
                Matcher m = AND.matcher(raw).region(i, raw.length());
                if (m.lookingAt()) {
                    names.add(raw.substring(start, i));
                    start = m.end();
                    i = m.end() - 1;
                }
            }
        }
        names.add(raw.substring(start));
        List<String> out = new ArrayList<>();
        for (String name : names) {
            String plain = firstLast(name);
            if (!plain.isBlank() && !plain.equalsIgnoreCase("others")) {
                out.add(plain);
            }
        }
        return out;
    }

    /** "Lovelace, Ada" → "Ada Lovelace"; other forms stay as written. Commas inside braces do not count. */
    private static String firstLast(String rawName) {
        int depth = 0;
        int comma = -1;
        int commas = 0;
        for (int i = 0; i < rawName.length(); i++) {
            char c = rawName.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                commas++;
                comma = i;
            }
        }
        if (commas == 1) {
            String last = LatexText.decode(rawName.substring(0, comma));
            String first = LatexText.decode(rawName.substring(comma + 1));
            return (first + " " + last).strip();
        }
        return LatexText.decode(rawName);
    }

    private static List<String> tags(String keywords) {
        List<String> tags = new ArrayList<>();
        for (String tag : keywords.split("[,;]")) {
            if (!tag.isBlank()) {
                tags.add(tag.strip());
            }
        }
        return tags;
    }

    /** One entry; its key made from the first author's last name, the year and the first title word. */
    public static String toBibtex(ResourceMetadata m) {
        StringBuilder out = new StringBuilder();
        out.append('@').append(entryType(m.type())).append('{').append(key(m)).append(",\n");
        field(out, "title", LatexText.encode(m.title()));
        if (!m.authors().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (String author : m.authors()) {
                String encoded = LatexText.encode(author);
                // a name with "and" or a comma in it is protected, so it stays one name as written
                boolean protect = AND.matcher(author).find() || author.contains(",");
                names.add(protect ? "{" + encoded + "}" : encoded);
            }
            field(out, "author", String.join(" and ", names));
        }
        if (m.year() != null) {
            field(out, "year", String.valueOf(m.year()));
        }
        optional(out, "doi", m.doi());
        optional(out, "abstract", m.abstractText());
        if (!m.tags().isEmpty()) {
            field(out, "keywords", LatexText.encode(String.join(", ", m.tags())));
        }
        optional(out, "license", m.licence());
        optional(out, "version", m.version());
        field(out, RESOURCE_TYPE_FIELD, m.type().label());
        out.setLength(out.length() - 2); // the last ",\n"
        return out.append("\n}\n").toString();
    }

    private static String entryType(ResourceType type) {
        return switch (type) {
            case PAPER -> "article";
            case THESIS -> "phdthesis";
            case DATASET -> "dataset";
            case CODE -> "software";
            case SLIDES, OTHER -> "misc";
        };
    }

    private static void optional(StringBuilder out, String name, String value) {
        if (value != null) {
            field(out, name, LatexText.encode(value));
        }
    }

    private static void field(StringBuilder out, String name, String encoded) {
        out.append("  ").append(name).append(" = {").append(encoded).append("},\n");
    }

    private static String key(ResourceMetadata m) {
        String last = "anon";
        if (!m.authors().isEmpty()) {
            String[] parts = m.authors().get(0).split("\\s+");
            last = parts[parts.length - 1];
        }
        String word = m.title().split("\\s+")[0];
        String key = ascii(last) + (m.year() == null ? "" : String.valueOf(m.year())) + ascii(word);
        return key.isEmpty() ? "resource" : key;
    }

    private static String ascii(String s) {
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (char c : folded.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
