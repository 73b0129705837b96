package org.peershelf.protocol.resource.bibtex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;

class BibtexMetadataTest {
    private static final String ARTICLE = """
            % exported by a reference manager
            @string{jcs = "Journal of " # {Computer} # " Science"}
            @Article{lovelace1843,
              Title    = {On the {Analytical} Engine: Notes \\& Sketches},
              author   = "Lovelace, Ada and Charles Babbage and {Barnes and Noble} and M{\\"u}ller, J{\\'e}r{\\^o}me",
              journal  = jcs,
              year     = 1843,
              month    = sep,
              doi      = {https://doi.org/10.1000/ae.1843},
              abstract = {A machine for
                          50\\% of all   \\emph{computation}.},
              keywords = {engines; history, computing},
            }
            """;

    @Test
    void importsEveryFieldOfAnArticle() {
        ResourceMetadata m = BibtexMetadata.fromText(ARTICLE);

        assertThat(m.title()).isEqualTo("On the Analytical Engine: Notes & Sketches");
        assertThat(m.authors()).containsExactly("Ada Lovelace", "Charles Babbage", "Barnes and Noble", "Jérôme Müller");
        assertThat(m.year()).isEqualTo(1843);
        assertThat(m.type()).isEqualTo(ResourceType.PAPER);
        assertThat(m.doi()).isEqualTo("10.1000/ae.1843");
        assertThat(m.abstractText()).isEqualTo("A machine for 50% of all computation.");
        assertThat(m.tags()).containsExactly("engines", "history", "computing");
    }

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void roundTripsEveryTypeWithSpecialCharacters(ResourceType type) {
        ResourceMetadata original = ResourceMetadata.builder("50% of {weird} $x$_1 & #2 ~ ^ \\ back", type)
                .authors(List.of("Émile Borel", "Ada Lovelace", "Barnes and Noble", "ACME, Inc."))
                .year(2024).doi("10.1/a_b%c").abstractText("Line one. Line {two}.")
                .tags(List.of("p2p", "open science")).licence("CC-BY-4.0").version("1.2").build();

        String bib = BibtexMetadata.toBibtex(original);
        ResourceMetadata back = BibtexMetadata.fromText(bib);

        assertThat(back).isEqualTo(original);
        assertThat(BibtexMetadata.toBibtex(back)).isEqualTo(bib);
    }

    @Test
    void exportLooksLikeBibtexAPersonWouldWrite() {
        ResourceMetadata m = ResourceMetadata.builder("Deep Nets", ResourceType.PAPER)
                .authors(List.of("Émile Borel")).year(2020).build();
        assertThat(BibtexMetadata.toBibtex(m)).isEqualTo("""
                @article{borel2020deep,
                  title = {Deep Nets},
                  author = {Émile Borel},
                  year = {2020},
                  resourcetype = {paper}
                }
                """);
    }

    @Test
    void entryTypesMapToResourceTypes() {
        assertThat(type("@phdthesis{k, title={T}}")).isEqualTo(ResourceType.THESIS);
        assertThat(type("@mastersthesis{k, title={T}}")).isEqualTo(ResourceType.THESIS);
        assertThat(type("@software{k, title={T}}")).isEqualTo(ResourceType.CODE);
        assertThat(type("@dataset{k, title={T}}")).isEqualTo(ResourceType.DATASET);
        assertThat(type("@inproceedings(k, title={T})")).isEqualTo(ResourceType.PAPER);
        assertThat(type("@misc{k, title={T}}")).isEqualTo(ResourceType.OTHER);
        assertThat(type("@misc{k, title={T}, resourcetype={slides}}")).isEqualTo(ResourceType.SLIDES);
    }

    @Test
    void decodesAccentsAndEscapes() {
        assertThat(LatexText.decode("{\\\"O}sterreich \\c{c}a \\'{\\i} \\ss{} \\o{} \\v s {\\aa}ngstr{\\\"o}m"))
                .isEqualTo("Österreich ça í ß ø š ångström");
        assertThat(LatexText.decode("a~b \\textbackslash{} \\{x\\}")).isEqualTo("a b \\ {x}");
    }

    @Test
    void readsAllEntriesOfABibFileSkippingComments(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("refs.bib"), """
                @comment{ignore {this} entirely}
                @preamble{"\\newcommand{\\x}{y}"}
                @book{a, title = {First}, date = {2001-05-02}}
                junk between entries
                @misc{b, title = "Second", year = {circa 1999}}
                """, StandardCharsets.UTF_8);

        List<ResourceMetadata> all = BibtexMetadata.fromFile(file);

        assertThat(all).extracting(ResourceMetadata::title).containsExactly("First", "Second");
        assertThat(all).extracting(ResourceMetadata::year).containsExactly(2001, 1999);
    }

    @Test
    void readsALatin1File(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("old.bib"), "@article{k, title={Caf\u00e9}}".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(BibtexMetadata.fromFile(file)).extracting(ResourceMetadata::title).containsExactly("Café");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "@article{k, title = {unclosed}",
        "@article{k, title = {open {brace}}",
        "@article{k, title = \"no end}",
        "@article{k, title = undefinedmacro}",
        "@article{k, title {missing equals}}",
        "@article{k, title = }",
        "@article{k title = {x}}",
        "@{k, title = {x}}",
        "no entry at all",
        "@article{k, year = {2020}}"})
    void badInputIsATypedErrorWithALine(String text) {
        assertThatThrownBy(() -> BibtexMetadata.fromText(text)).isInstanceOf(BibtexException.class)
                .hasMessageStartingWith("BibTeX");
    }

    @Test
    void errorNamesTheLineWhereReadingStopped() {
        assertThatThrownBy(() -> BibtexMetadata.fromText("@article{k,\n  title = {ok},\n  year = = 2}"))
                .isInstanceOf(BibtexException.class)
                .satisfies(e -> assertThat(((BibtexException) e).line()).isEqualTo(3));
    }

    private static ResourceType type(String bib) {
        return BibtexMetadata.fromText(bib).type();
    }
}
