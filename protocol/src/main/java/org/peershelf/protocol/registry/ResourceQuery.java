package org.peershelf.protocol.registry;

import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.resource.ResourceType;

/**
 * An Explore search. Every part is optional: with none, it lists everything, newest first.
 *
 * @param text             words that must all occur (as word prefixes) in title, authors, tags, abstract or DOI
 * @param type             only this type, or null
 * @param yearFrom         only from this year on (inclusive), or null
 * @param yearTo           only up to this year (inclusive), or null
 * @param author           only resources with an author containing this (case-insensitive), or null
 * @param tag              only resources with this tag (case-insensitive, whole tag), or null
 * @param owner            only this user's resources ("browse one user's repository"), or null
 * @param offset           results to skip (paging)
 * @param limit            page size, 1…{@value #MAX_LIMIT}
 * @param freshSinceMillis a holder counts as online if its device's last heartbeat is at or after this
 */
public record ResourceQuery(String text, ResourceType type, Integer yearFrom, Integer yearTo, String author,
                            String tag, UserId owner, int offset, int limit, long freshSinceMillis) {
    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_TEXT = 500;

    public ResourceQuery {
        text = blankToNull(text);
        author = blankToNull(author);
        tag = blankToNull(tag);
        if (text != null && text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("search text longer than " + MAX_TEXT + " characters");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("page size must be 1…" + MAX_LIMIT);
        }
    }

    /** Everything, newest first, first page. */
    public static ResourceQuery all(long freshSinceMillis) {
        return new ResourceQuery(null, null, null, null, null, null, null, 0, DEFAULT_LIMIT, freshSinceMillis);
    }

    public static ResourceQuery text(String text, long freshSinceMillis) {
        return all(freshSinceMillis).withText(text);
    }

    public ResourceQuery withText(String value) {
        return new ResourceQuery(value, type, yearFrom, yearTo, author, tag, owner, offset, limit, freshSinceMillis);
    }

    public ResourceQuery withType(ResourceType value) {
        return new ResourceQuery(text, value, yearFrom, yearTo, author, tag, owner, offset, limit, freshSinceMillis);
    }

    public ResourceQuery withYears(Integer from, Integer to) {
        return new ResourceQuery(text, type, from, to, author, tag, owner, offset, limit, freshSinceMillis);
    }

    public ResourceQuery withAuthor(String value) {
        return new ResourceQuery(text, type, yearFrom, yearTo, value, tag, owner, offset, limit, freshSinceMillis);
    }

    public ResourceQuery withTag(String value) {
        return new ResourceQuery(text, type, yearFrom, yearTo, author, value, owner, offset, limit, freshSinceMillis);
    }

    public ResourceQuery withOwner(UserId value) {
        return new ResourceQuery(text, type, yearFrom, yearTo, author, tag, value, offset, limit, freshSinceMillis);
    }

    public ResourceQuery withPage(int newOffset, int newLimit) {
        return new ResourceQuery(text, type, yearFrom, yearTo, author, tag, owner, newOffset, newLimit,
                freshSinceMillis);
    }

    public ResourceQuery withFreshSince(long millis) {
        return new ResourceQuery(text, type, yearFrom, yearTo, author, tag, owner, offset, limit, millis);
    }

    /** The following page. */
    public ResourceQuery next() {
        return withPage(offset + limit, limit);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
