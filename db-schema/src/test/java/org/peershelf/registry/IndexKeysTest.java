package org.peershelf.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.PublishedResource;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.registry.mapping.ResourceDocuments;

class IndexKeysTest {
    private static final ResourceQuery ALL = ResourceQuery.all(0);

    @Test
    void aResourceIsListedUnderWordPrefixesAuthorWordsTagOwnerTypeAndYear() {
        ResourceMetadata m = ResourceMetadata.builder("Zebrafisheries", ResourceType.DATASET).authors(List.of("Émile Borel"))
                .tags(List.of("Ocean Life")).year(2011).build();
        PublishedResource p = TestResources.published(m, new UserId("u-1"), TestDevices.device(1), 0);

        assertThat(IndexKeys.of(ResourceDocuments.toDocument(p))).contains("w:zeb", "w:zebrafis", "w:zebrafisheri", "a:emi", "a:borel",
                "t:ocean life", "u:u-1", "ty:dataset", "y:2011", "k:dataset|2011", "x:all")
                .doesNotContain("w:zebrafisherie");
    }

    @Test
    void aYearRangeIsOneTermOfYearsCombinedWithTheTypeIfGiven() {
        assertThat(IndexKeys.termsOf(ALL.withYears(2001, 2003)))
                .containsExactly(List.of("y:2001", "y:2002", "y:2003"));
        assertThat(IndexKeys.termsOf(ALL.withYears(2001, 2002).withType(ResourceType.CODE)))
                .containsExactly(List.of("k:code|2001", "k:code|2002"));
        assertThat(IndexKeys.termsOf(ALL.withYears(2003, 2001))).containsExactly(List.of());
    }

    @Test
    void aQueryWithNoConditionLooksUpEveryResourceListed() {
        assertThat(IndexKeys.termsOf(ALL)).containsExactly(List.of("x:all"));
        assertThat(IndexKeys.termsOf(ALL.withText(" , "))).containsExactly(List.of("x:all"));
    }

    @Test
    void openOrWideYearRangesAndShortWordsAreLeftToTheFilter() {
        assertThat(IndexKeys.termsOf(ALL.withYears(2001, null))).isEmpty();
        assertThat(IndexKeys.termsOf(ALL.withYears(1000, 2000).withType(ResourceType.PAPER)))
                .containsExactly(List.of("ty:paper"));
        assertThat(IndexKeys.termsOf(ALL.withText("of ab"))).isEmpty();
    }

    @Test
    void onlyQueriesWhoseKeysAreTheirMatchesAreExact() {
        assertThat(IndexKeys.exact(ALL.withText("ocean zebra").withType(ResourceType.PAPER).withYears(2000, 2010)))
                .isTrue();
        assertThat(IndexKeys.exact(ALL.withTag("x").withOwner(new UserId("u")))).isTrue();
        assertThat(IndexKeys.exact(ALL.withText("zebrafishes"))).as("11 letters: its own key").isTrue();
        assertThat(IndexKeys.exact(ALL.withText("zebrafisheries"))).as("a superset: 12 letters looked up").isFalse();
        assertThat(IndexKeys.exact(ALL.withText("ocean of"))).as("a word of 2 letters is filtered").isFalse();
        assertThat(IndexKeys.exact(ALL.withText("ocean").withAuthor("Hopper"))).as("one word: its a: key").isTrue();
        assertThat(IndexKeys.exact(ALL.withAuthor("Émile"))).as("folded like the names").isTrue();
        assertThat(IndexKeys.exact(ALL.withAuthor("grace hopper"))).as("two words: adjacent in one name").isFalse();
        assertThat(IndexKeys.exact(ALL.withAuthor("g. hopper"))).as("punctuation is part of the regex").isFalse();
        assertThat(IndexKeys.exact(ALL.withAuthor("hopper-"))).as("so is a trailing hyphen").isFalse();
        assertThat(IndexKeys.exact(ALL.withAuthor("ho"))).as("too short for a key").isFalse();
        assertThat(IndexKeys.exact(ALL.withAuthor("hopperhoppers"))).as("13 letters: a superset key").isFalse();
        assertThat(IndexKeys.exact(ALL.withText("ocean").withYears(2000, null))).isFalse();
        assertThat(IndexKeys.exact(ALL.withText("10.1234/5678"))).isFalse();
        assertThat(IndexKeys.exact(ALL)).as("every resource listed").isTrue();
    }
}
