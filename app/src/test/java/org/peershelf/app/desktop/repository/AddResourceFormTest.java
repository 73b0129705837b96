package org.peershelf.app.desktop.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;

class AddResourceFormTest {
    private final AddResourceForm form = new AddResourceForm();

    @Test
    void oneFileSuggestsItsNameAsTheTitleAndMakesTheFormReady() {
        assertThat(form.readyProperty().get()).isFalse();

        form.addFiles(List.of(Path.of("/home/ada/notes_on_the_engine.pdf")));

        assertThat(form.titleProperty().get()).isEqualTo("notes on the engine");
        assertThat(form.readyProperty().get()).isTrue();
    }

    @Test
    void pastedBibtexFillsTheFields() {
        form.bibtexProperty().set("""
                @article{turing1936,
                  title = {On Computable Numbers, with an Application to the {E}ntscheidungsproblem},
                  author = {Turing, Alan M.},
                  year = {1936},
                  doi = {10.1112/plms/s2-42.1.230}
                }""");

        form.importBibtex();

        assertThat(form.errorProperty().get()).isEmpty();
        assertThat(form.titleProperty().get()).startsWith("On Computable Numbers");
        assertThat(form.yearProperty().get()).isEqualTo("1936");
        assertThat(form.typeProperty().get()).isEqualTo(ResourceType.PAPER);
        assertThat(form.doiProperty().get()).isEqualTo("10.1112/plms/s2-42.1.230");
        assertThat(form.authorsProperty().get()).contains("Turing");
    }

    @Test
    void unreadableBibtexIsExplainedAndChangesNothing() {
        form.titleProperty().set("Kept");
        form.bibtexProperty().set("@article{broken, title = {no closing brace");

        form.importBibtex();

        assertThat(form.errorProperty().get()).startsWith("The BibTeX could not be read");
        assertThat(form.titleProperty().get()).isEqualTo("Kept");
    }

    @Test
    void typedMetadataSplitsAuthorsAndTags() {
        form.titleProperty().set("CLU reference manual");
        form.authorsProperty().set("Barbara Liskov\nRussell Atkinson; Craig Schaffert");
        form.tagsProperty().set("languages, types ,");
        form.yearProperty().set("1979");

        ResourceMetadata metadata = form.metadata().orElseThrow();

        assertThat(metadata.authors()).containsExactly("Barbara Liskov", "Russell Atkinson", "Craig Schaffert");
        assertThat(metadata.tags()).containsExactly("languages", "types");
        assertThat(metadata.year()).isEqualTo(1979);
    }

    @Test
    void aYearThatIsNotANumberIsExplained() {
        form.titleProperty().set("Something");
        form.yearProperty().set("nineteen");

        assertThat(form.metadata()).isEmpty();
        assertThat(form.errorProperty().get()).isEqualTo("The year must be a number, like 2021.");
    }

    @Test
    void aYearOutsideThePublicationRangeIsExplained() {
        form.titleProperty().set("Something");
        form.yearProperty().set("20211");
        assertThat(form.metadata()).isEmpty();
        assertThat(form.errorProperty().get()).isEqualTo("The year must be a number, like 2021.");

        form.yearProperty().set("3021");
        assertThat(form.metadata()).isEmpty();
        assertThat(form.errorProperty().get()).startsWith("The year 3021 is not a publication year");

        form.yearProperty().set("1843");
        assertThat(form.metadata()).isPresent();
        assertThat(form.errorProperty().get()).isEmpty();
    }

    @Test
    void aDoiMustLookLikeOneAndItsResolverPrefixIsDropped() {
        form.titleProperty().set("Kademlia");
        form.doiProperty().set("kademlia-2002");
        assertThat(form.metadata()).isEmpty();
        assertThat(form.errorProperty().get()).contains("is not a DOI", "10.1145/3133956");

        form.doiProperty().set("https://doi.org/10.1007/3-540-45748-8_5");
        assertThat(form.metadata().orElseThrow().doi()).isEqualTo("10.1007/3-540-45748-8_5");
    }

    @Test
    void editingKeepsLicenceVersionAndThePreviousVersionLink() {
        org.peershelf.protocol.resource.ResourceId previous = org.peershelf.protocol.resource.ResourceId.of("ab".repeat(32));
        ResourceMetadata held = ResourceMetadata.builder("Engine notes", ResourceType.PAPER).authors(List.of("Ada Lovelace"))
                .year(1843).licence("CC-BY-4.0").version("2").previousVersion(previous).build();
        form.fill(held);
        form.needsFilesProperty().set(false);

        form.titleProperty().set("Notes on the analytical engine");

        assertThat(form.readyProperty().get()).as("an edit needs no files").isTrue();
        ResourceMetadata edited = form.metadata().orElseThrow();
        assertThat(edited.title()).isEqualTo("Notes on the analytical engine");
        assertThat(edited.licence()).isEqualTo("CC-BY-4.0");
        assertThat(edited.version()).isEqualTo("2");
        assertThat(edited.previousVersion()).isEqualTo(previous);
        assertThat(edited.authors()).containsExactly("Ada Lovelace");
    }
}
