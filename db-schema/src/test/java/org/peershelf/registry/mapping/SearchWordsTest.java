package org.peershelf.registry.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;

class SearchWordsTest {
    @Test
    void foldsCaseAndAccentsAndSplitsOnPunctuation() {
        ResourceMetadata m = ResourceMetadata.builder("Über-Graphs: A Study", ResourceType.PAPER)
                .authors(List.of("Émile Borel")).tags(List.of("Graph Theory")).doi("10.5/X.Y")
                .abstractText("Graphs, again.").build();

        assertThat(SearchWords.of(m)).containsExactly("uber", "graphs", "a", "study", "emile", "borel", "graph",
                "theory", "10.5/x.y", "10", "5", "x", "y", "again");
    }

    @Test
    void aQueryThatIsADoiIsOneWord() {
        assertThat(SearchWords.ofQuery(" 10.1000/ABC-1 ")).containsExactly("10.1000/abc-1");
        assertThat(SearchWords.ofQuery("neural  nets, NEURAL")).containsExactly("neural", "nets");
        assertThat(SearchWords.ofQuery(null)).isEmpty();
    }

    @Test
    void boundsTheNumberOfWords() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append("w").append(i).append(' ');
        }
        ResourceMetadata m = ResourceMetadata.builder("t", ResourceType.OTHER).abstractText(text.toString()).build();
        assertThat(SearchWords.of(m)).hasSize(SearchWords.MAX_WORDS);
    }
}
