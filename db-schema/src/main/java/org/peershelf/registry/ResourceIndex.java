package org.peershelf.registry;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.registry.mapping.ResourceDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search's own inverted index ({@code resourceIndex}, migration 7, decision 0008), because the embedded
 * registry ignores secondary indexes and answers only lookups by {@code _id} from an index. Every listed resource
 * has a listing number ({@link ListingNumbers}); every key ({@link IndexKeys}) has the set of numbers listed under
 * it, complete, one document per chunk of {@value PostingChunk#SIZE} numbers ({@link Postings}). A query's
 * candidates are the intersection over its terms of the union of each term's keys, newest (highest number) first:
 * a superset of its matches however common a term is, and exactly its matches for most queries. Sets are only added
 * to: a tombstone keeps its entries (and is in {@link IndexKeys#GONE}) and a re-listed resource keeps its number,
 * hence its place.
 */
public final class ResourceIndex {
    public static final String COLLECTION = RegistryCollections.RESOURCE_INDEX;
    static final String ID = "_id";
    static final int WRITE_BATCH = 500;
    /** The migration writes what it gathered when it reaches a new chunk or holds this many numbers. */
    private static final int FLUSH_POSTINGS = 2_000_000;
    private static final int READ_BATCH = 1_000;
    /** Migration 9 numbers its parts from here, apart from migration 7's b0, b1, …. */
    private static final int LONG_PREFIX_PARTS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(ResourceIndex.class);

    private final ListingNumbers numbers;
    private final Postings postings;

    public ResourceIndex(MongoDatabase database) {
        MongoCollection<Document> index = database.getCollection(COLLECTION);
        this.numbers = new ListingNumbers(index);
        this.postings = new Postings(index);
    }

    /**
     * Lists a resource document (as {@link ResourceDocuments#toDocument} makes it) under all its keys: its number
     * (kept if it has one; claiming it names the resource), then the postings. Idempotent.
     */
    void add(Document resource) {
        int number = numbers.numberOf(String.valueOf(resource.get(ResourceDocuments.ID)));
        postings.add(number, IndexKeys.of(resource));
    }

    /**
     * Marks a resource as unpublished, before its document becomes a tombstone (so that a crash in between leaves a
     * live resource checked needlessly, never a tombstone counted). A resource never listed here has nothing to mark.
     */
    void unpublished(String resourceId) {
        numbers.numberIfListed(resourceId).ifPresent(n -> postings.add(n, List.of(IndexKeys.GONE)));
    }

    /**
     * What the index knows of the query's matches, or empty when it cannot answer: no term it can look up (only
     * short words, or no words and no filters), never built, or damaged (then the caller scans, as before the
     * index).
     */
    Optional<Candidates> candidates(ResourceQuery query) {
        List<List<String>> terms = IndexKeys.termsOf(query);
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        OptionalInt listed = numbers.listed();
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        Set<String> keys = new LinkedHashSet<>();
        terms.forEach(keys::addAll);
        keys.add(IndexKeys.GONE);
        Map<String, BitSet> byKey;
        try {
            byKey = postings.numbers(keys, listed.getAsInt());
        } catch (IllegalArgumentException e) {
            LOG.warn("The search index is damaged ({}); searching without it", e.getMessage());
            return Optional.empty();
        }
        BitSet result = null;
        for (List<String> term : terms) {
            BitSet union = new BitSet();
            term.forEach(k -> union.or(byKey.get(k)));
            if (result == null) {
                result = union;
            } else {
                result.and(union);
            }
        }
        return Optional.of(new Candidates(result, byKey.get(IndexKeys.GONE), IndexKeys.exact(query)));
    }

    /**
     * A query's candidates as listing numbers (higher is newer).
     *
     * @param numbers every match is among them
     * @param gone    numbers of resources ever unpublished: a candidate among them may be a tombstone
     * @param exact   every candidate not in {@code gone} is a match (else each must be checked against its document)
     */
    record Candidates(BitSet numbers, BitSet gone, boolean exact) {
    }

    /** The resource ids of these listing numbers; a number not mapped is left out. */
    Map<Integer, String> resourceIds(List<Integer> listingNumbers) {
        return numbers.resourceIds(listingNumbers);
    }

    /**
     * Builds the index for every resource already listed, numbered in publishing order: what migration 7 does.
     * Idempotent, and safe next to peers publishing meanwhile: numbers are given by position unless a resource has
     * one, and postings are only added to.
     */
    public static void rebuild(MongoDatabase database) {
        build(database, new PostingBatch(new Postings(database.getCollection(COLLECTION)), FLUSH_POSTINGS), keys -> keys);
    }

    /**
     * Adds the word and author-word prefixes of 9 to {@value IndexKeys#MAX_PREFIX} letters of every resource already
     * listed, which migration 7 (up to 8 letters) did not write: what migration 9 does. Its parts are fields of its
     * own ({@code b1000}, …), so running it again, or after a build that wrote other parts, sets the same fields to
     * the same sets, and a publish meanwhile adds to {@code d}.
     */
    public static void addLongPrefixes(MongoDatabase database) {
        build(database, new PostingBatch(new Postings(database.getCollection(COLLECTION)), FLUSH_POSTINGS,
                LONG_PREFIX_PARTS), keys -> keys.stream().filter(IndexKeys::longPrefix).toList());
    }

    private static void build(MongoDatabase database, PostingBatch batch,
                              UnaryOperator<Collection<String>> keysToWrite) {
        MongoCollection<Document> resources = database.getCollection(RegistryCollections.RESOURCES);
        MongoCollection<Document> index = database.getCollection(COLLECTION);
        Map<String, Integer> numberOf = new ListingNumbers(index).numberInOrder(inPublishingOrder(resources));
        // in number order, which PostingBatch needs to write each chunk once: natural order is not number order (on
        // H2 it is _id order), and fed in that order the batch wrote a part per resource, ~16,000 one-offset fields
        // in each chunk of a common key, and the 100,000-resource build took over 15 minutes instead of 5
        TreeMap<Integer, String> byNumber = new TreeMap<>();
        numberOf.forEach((id, number) -> byNumber.putIfAbsent(number, id));
        List<String> ordered = new ArrayList<>(byNumber.values());
        for (int from = 0; from < ordered.size(); from += ListingNumbers.READ_BATCH) {
            List<String> ids = ordered.subList(from, Math.min(ordered.size(), from + ListingNumbers.READ_BATCH));
            List<Document> docs = resources.find(in(ResourceDocuments.ID, ids))
                    .projection(Projections.include(ResourceDocuments.KEYWORDS, ResourceDocuments.AUTHORS_FOLDED,
                            ResourceDocuments.TAGS_FOLDED, ResourceDocuments.OWNER_USER_ID, ResourceDocuments.TYPE,
                            ResourceDocuments.YEAR))
                    .into(new ArrayList<>());
            docs.sort(Comparator.comparingInt(doc -> numberOf.get(String.valueOf(doc.get(ResourceDocuments.ID)))));
            docs.forEach(doc -> batch.add(numberOf.get(String.valueOf(doc.get(ResourceDocuments.ID))),
                    keysToWrite.apply(IndexKeys.of(doc))));
        }
        batch.flush();
    }

    /**
     * Copies every listing number's resource from its {@code n:} document into its block ({@link ListingNumbers}):
     * what migration 8 does. Idempotent; publishes meanwhile write their own blocks.
     */
    public static void copyNumbersIntoBlocks(MongoDatabase database) {
        ListingNumbers numbers = new ListingNumbers(database.getCollection(COLLECTION));
        numbers.listed().ifPresent(listed -> numbers.copyIntoBlocks(0, listed));
    }

    /**
     * Resource ids oldest first by {@code publishedAt}. Natural order is not publishing order everywhere: the H2
     * backend keeps documents in {@code _id} order, and a real MongoDB promises none. A tombstone has no date and
     * keeps its place after the resource before it in natural order (the sort is stable).
     */
    private static List<String> inPublishingOrder(MongoCollection<Document> resources) {
        record Listed(String id, long publishedAt) {
        }
        List<Listed> listed = new ArrayList<>();
        long[] previous = {Long.MIN_VALUE};
        resources.find().projection(Projections.include(ResourceDocuments.ID, ResourceDocuments.PUBLISHED_AT))
                .batchSize(READ_BATCH)
                .forEach(doc -> {
                    if (doc.get(ResourceDocuments.PUBLISHED_AT) instanceof Number at) {
                        previous[0] = at.longValue();
                    }
                    listed.add(new Listed(String.valueOf(doc.get(ResourceDocuments.ID)), previous[0]));
                });
        listed.sort(Comparator.comparingLong(Listed::publishedAt));
        return listed.stream().map(Listed::id).toList();
    }
}
