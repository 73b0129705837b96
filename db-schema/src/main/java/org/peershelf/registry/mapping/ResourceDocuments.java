package org.peershelf.registry.mapping;

import static org.peershelf.registry.mapping.DocumentReads.requireInt;
import static org.peershelf.registry.mapping.DocumentReads.requireLong;
import static org.peershelf.registry.mapping.DocumentReads.requireString;

import java.util.ArrayList;
import java.util.List;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.peershelf.protocol.PeerShelfException;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.PublishedResource;
import org.peershelf.protocol.resource.Manifest;
import org.peershelf.protocol.resource.ManifestFile;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceId;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;

/**
 * The {@code resources} collection: one document per published resource version, keyed by the resource id (also in
 * {@link ResourceFields#RESOURCE_ID}, the unique index of migration 002). It carries the whole resource, so a
 * downloader needs nothing else, plus derived fields for search. Reading checks the id against the content, so a
 * document edited behind the peers' backs is skipped, not trusted.
 */
public final class ResourceDocuments {
    public static final String ID = "_id";
    public static final String RESOURCE_ID = ResourceFields.RESOURCE_ID;
    public static final String TITLE = "title";
    public static final String AUTHORS = "authors";
    public static final String YEAR = ResourceFields.YEAR;
    public static final String TYPE = ResourceFields.TYPE;
    public static final String DOI = "doi";
    public static final String ABSTRACT = "abstract";
    public static final String TAGS = "tags";
    public static final String LICENCE = "licence";
    public static final String VERSION = "version";
    public static final String PREVIOUS_VERSION = "previousVersion";
    public static final String CHUNK_SIZE = "chunkSize";
    public static final String FILES = "files";
    public static final String FILE_PATH = "path";
    public static final String FILE_SIZE = "size";
    public static final String FILE_SHA256 = "sha256";
    public static final String FILE_CHUNKS = "chunks";
    public static final String TOTAL_SIZE = "totalSize";
    public static final String OWNER_USER_ID = ResourceFields.OWNER_USER_ID;
    public static final String PUBLISHED_BY = "publishedBy";
    public static final String PUBLISHED_AT = ResourceFields.PUBLISHED_AT;
    /** The publishing device's signature over (resourceId, owner, publishedBy, publishedAt); see DocumentSignatures. */
    public static final String SIGNATURE = DocumentSignatures.SIGNATURE;
    public static final String KEYWORDS = ResourceFields.KEYWORDS;
    /** The keywords as one string, each preceded and followed by a space: what the search's regexes run on. */
    public static final String SEARCH_TEXT = "searchText";
    public static final String AUTHORS_FOLDED = "authorsFolded";
    /**
     * Device ids that hold it: a copy of its {@code holders} records, kept by addHolder/removeHolder with
     * {@code $addToSet}/{@code $pull}, so that search tells availability without scanning {@code holders}.
     */
    public static final String HOLDER_IDS = "holderIds";
    /** true on the tombstone an unpublish leaves (the document keeps its place in natural order). */
    public static final String UNPUBLISHED = "unpublished";
    public static final String TAGS_FOLDED = "tagsFolded";

    private ResourceDocuments() {
    }

    public static Document toDocument(PublishedResource published) {
        Resource r = published.resource();
        ResourceMetadata m = r.metadata();
        List<Document> files = new ArrayList<>(r.manifest().files().size());
        for (ManifestFile f : r.manifest().files()) {
            files.add(new Document(FILE_PATH, f.path()).append(FILE_SIZE, f.size()).append(FILE_SHA256, f.sha256())
                    .append(FILE_CHUNKS, f.chunkSha256()));
        }
        return new Document(ID, r.id().hex())
                .append(RESOURCE_ID, r.id().hex())
                .append(TITLE, m.title())
                .append(AUTHORS, m.authors())
                .append(YEAR, m.year())
                .append(TYPE, m.type().label())
                .append(DOI, m.doi())
                .append(ABSTRACT, m.abstractText())
                .append(TAGS, m.tags())
                .append(LICENCE, m.licence())
                .append(VERSION, m.version())
                .append(PREVIOUS_VERSION, m.previousVersion() == null ? null : m.previousVersion().hex())
                .append(CHUNK_SIZE, r.manifest().chunkSize())
                .append(FILES, files)
                .append(TOTAL_SIZE, r.manifest().totalSize())
                .append(OWNER_USER_ID, published.owner().value())
                .append(PUBLISHED_BY, published.publishedBy().value())
                .append(PUBLISHED_AT, published.publishedAtMillis())
                .append(KEYWORDS, SearchWords.of(m))
                .append(SEARCH_TEXT, SearchWords.searchText(m))
                .append(AUTHORS_FOLDED, m.authors().stream().map(SearchWords::fold).toList())
                .append(TAGS_FOLDED, m.tags().stream().map(SearchWords::fold).toList());
    }

    /** Makes the document a tombstone: the flag, the ids and {@code holderIds}; every other field removed. */
    public static Bson tombstoneUpdate() {
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set(UNPUBLISHED, true));
        for (String field : List.of(TITLE, AUTHORS, YEAR, TYPE, DOI, ABSTRACT, TAGS, LICENCE, VERSION,
                PREVIOUS_VERSION, CHUNK_SIZE, FILES, TOTAL_SIZE, OWNER_USER_ID, PUBLISHED_BY, PUBLISHED_AT, KEYWORDS,
                SEARCH_TEXT, AUTHORS_FOLDED, TAGS_FOLDED)) {
            updates.add(Updates.unset(field));
        }
        return Updates.combine(updates);
    }

    /** The device ids in {@link #HOLDER_IDS}; malformed entries are left out. */
    public static List<String> holderIds(Document doc) {
        Object value = doc.get(HOLDER_IDS);
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(String.class::isInstance).map(String.class::cast).distinct().toList();
    }

    /** @throws IllegalArgumentException if the document is malformed or its id does not fit its content */
    public static PublishedResource fromDocument(Document doc) {
        try {
            ResourceMetadata metadata = new ResourceMetadata(requireString(doc, TITLE), strings(doc, AUTHORS),
                    optionalInt(doc, YEAR), ResourceType.fromLabel(requireString(doc, TYPE)),
                    nullableString(doc, DOI), nullableString(doc, ABSTRACT), strings(doc, TAGS),
                    nullableString(doc, LICENCE), nullableString(doc, VERSION),
                    doc.get(PREVIOUS_VERSION) == null ? null : ResourceId.of(requireString(doc, PREVIOUS_VERSION)));
            List<ManifestFile> files = new ArrayList<>();
            for (Document f : documents(doc, FILES)) {
                files.add(new ManifestFile(requireString(f, FILE_PATH), requireLong(f, FILE_SIZE),
                        requireString(f, FILE_SHA256), strings(f, FILE_CHUNKS)));
            }
            Resource resource = new Resource(ResourceId.of(requireString(doc, ID)), metadata,
                    new Manifest(requireInt(doc, CHUNK_SIZE), files));
            return new PublishedResource(resource, new UserId(requireString(doc, OWNER_USER_ID)),
                    DeviceId.of(requireString(doc, PUBLISHED_BY)), requireLong(doc, PUBLISHED_AT));
        } catch (PeerShelfException e) {
            throw new IllegalArgumentException("resource document " + doc.get(ID) + ": " + e.getMessage(), e);
        }
    }

    private static String nullableString(Document doc, String field) {
        return doc.get(field) == null ? null : requireString(doc, field);
    }

    private static Integer optionalInt(Document doc, String field) {
        return doc.get(field) == null ? null : requireInt(doc, field);
    }

    private static List<String> strings(Document doc, String field) {
        Object value = doc.get(field);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw DocumentReads.malformed(doc, field, "a list of strings");
    }

    private static List<Document> documents(Document doc, String field) {
        Object value = doc.get(field);
        if (value instanceof List<?> list && list.stream().allMatch(Document.class::isInstance)) {
            return list.stream().map(Document.class::cast).toList();
        }
        throw DocumentReads.malformed(doc, field, "a list of documents");
    }
}
