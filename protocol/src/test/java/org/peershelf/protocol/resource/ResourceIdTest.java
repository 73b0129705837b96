package org.peershelf.protocol.resource;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.protocol.wire.ProtocolException;
import org.peershelf.protocol.wire.WireCodec;

class ResourceIdTest {
    /**
     * The id of {@link #fixedMetadata()} over {@link #writeFixedPackage}: computed once and pinned, so a change to the
     * canonical form (which would orphan every published id) fails here instead of in the field. The same value
     * came out of an independent Python implementation of the layout documented in {@link CanonicalForm}.
     */
    static final String FIXED_ID = "3b1ce0a20361855857711a07cea182374010d4a347d562858b881d0b1d2d0a55";

    @TempDir
    Path dir;

    static ResourceMetadata fixedMetadata() {
        return ResourceMetadata.builder("On Sharing Papers", ResourceType.PAPER)
                .authors(List.of("Ada Lovelace", "Émile Borel"))
                .year(2024).doi("10.1000/xyz123").abstractText("We share.")
                .tags(List.of("p2p", "open science")).licence("CC-BY-4.0").version("1")
                .build();
    }

    static Path writeFixedPackage(Path root) throws IOException {
        Path folder = Files.createDirectories(root.resolve("pkg"));
        Files.write(folder.resolve("paper.txt"), "hello world\n".repeat(200).getBytes(UTF_8));
        Files.createDirectories(folder.resolve("data"));
        Files.write(folder.resolve("data").resolve("table.csv"), "a,b\n1,2\n".getBytes(UTF_8));
        return folder;
    }

    private Resource fixedResource(Path root) throws IOException {
        Path folder = writeFixedPackage(root);
        Manifest manifest = new ManifestBuilder(1024).build(PackageScanner.scan(List.of(folder)));
        return Resource.of(fixedMetadata(), manifest);
    }

    @Test
    void sameBytesAndMetadataGiveThePinnedIdOnAnyMachine() throws IOException {
        Resource resource = fixedResource(dir);

        assertThat(resource.manifest().files()).extracting(ManifestFile::path)
                .containsExactly("pkg/data/table.csv", "pkg/paper.txt");
        assertThat(resource.id().hex()).isEqualTo(FIXED_ID);
    }

    @Test
    void idDoesNotDependOnWhereTheFilesLie() throws IOException {
        Resource here = fixedResource(dir.resolve("one"));
        Resource there = fixedResource(dir.resolve("two/deeper"));
        assertThat(here.id()).isEqualTo(there.id());
    }

    @Test
    void anyChangeOfBytesOrMetadataChangesTheId() throws IOException {
        Resource original = fixedResource(dir);
        Resource retitled = Resource.of(fixedMetadata().toBuilder().title("On Sharing Papers!").build(),
                original.manifest());
        Resource noYear = Resource.of(fixedMetadata().toBuilder().year(null).build(), original.manifest());
        Files.writeString(dir.resolve("pkg/data/table.csv"), "a,b\n1,3\n");
        Resource edited = Resource.of(fixedMetadata(),
                new ManifestBuilder(1024).build(PackageScanner.scan(List.of(dir.resolve("pkg")))));

        assertThat(List.of(retitled.id(), noYear.id(), edited.id())).doesNotContain(original.id()).doesNotHaveDuplicates();
    }

    @Test
    void metadataThatReadsTheSameHashesTheSame() {
        ResourceMetadata typed = ResourceMetadata.builder("  Cafe\u0301 Study ", ResourceType.PAPER)
                .doi("https://doi.org/10.1/abc").tags(List.of("x", "X", " ")).abstractText("  ").build();
        ResourceMetadata clean = ResourceMetadata.builder("Café Study", ResourceType.PAPER)
                .doi("10.1/abc").tags(List.of("x")).build();
        assertThat(typed).isEqualTo(clean);
    }

    @Test
    void constructorRefusesAnIdThatIsNotTheContents() throws IOException {
        Resource resource = fixedResource(dir);
        ResourceId other = ResourceId.of("ab".repeat(32));
        assertThatThrownBy(() -> new Resource(other, resource.metadata(), resource.manifest()))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void roundTripsThroughTheWireCodecAndRejectsATamperedCopy() throws IOException {
        Resource resource = fixedResource(dir);
        WireCodec codec = new WireCodec(1 << 20);
        String json = codec.encode(resource);

        assertThat(codec.decode(json, Resource.class)).isEqualTo(resource);
        String tampered = json.replace("On Sharing Papers", "On Stealing Papers");
        assertThatThrownBy(() -> codec.decode(tampered, Resource.class)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void newVersionLinksToThePrevious() throws IOException {
        Resource first = fixedResource(dir);
        ResourceMetadata next = first.metadata().asNewVersionOf(first.id(), "2");
        Resource second = Resource.of(next, first.manifest());

        assertThat(second.metadata().previous()).contains(first.id());
        assertThat(second.metadata().version()).isEqualTo("2");
        assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    void rejectsMetadataWithoutTitleOrWithAbsurdValues() {
        assertThatThrownBy(() -> ResourceMetadata.of(" ", ResourceType.PAPER)).isInstanceOf(InvalidMetadataException.class);
        assertThatThrownBy(() -> ResourceMetadata.of("x", null)).isInstanceOf(InvalidMetadataException.class);
        assertThatThrownBy(() -> ResourceMetadata.builder("x", ResourceType.CODE).year(12345).build())
                .isInstanceOf(InvalidMetadataException.class);
        assertThatThrownBy(() -> ResourceMetadata.of("x".repeat(501), ResourceType.CODE))
                .isInstanceOf(InvalidMetadataException.class);
        assertThatThrownBy(() -> ResourceType.fromLabel("poem")).isInstanceOf(InvalidMetadataException.class);
        assertThat(ResourceType.fromLabel(" Dataset ")).isEqualTo(ResourceType.DATASET);
    }

    @Test
    void resourceIdIsSixtyFourLowerHexDigits() {
        assertThatThrownBy(() -> ResourceId.of("AB".repeat(32))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResourceId.of("ab")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ResourceId.of("ab".repeat(32)).shortForm()).hasSize(12);
    }
}
