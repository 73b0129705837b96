package org.peershelf.protocol.resource.repository;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.protocol.resource.InvalidManifestException;
import org.peershelf.protocol.resource.InvalidPackagePathException;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;

class LocalRepositoryTest {
    private static final ResourceMetadata PAPER = ResourceMetadata.of("A paper", ResourceType.PAPER);

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve("src").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private LocalRepository open() {
        return new LocalRepository(dir.resolve("repo"), 1024);
    }

    @Test
    void keepsItsOwnCopySoEditingTheOriginalChangesNothing() throws IOException {
        Path original = write("paper.txt", "x".repeat(3000));
        LocalRepository repository = open();
        Resource resource = repository.add(PAPER, List.of(original));
        Files.writeString(original, "changed");

        Path held = repository.fileOf(resource.id(), 0).orElseThrow();
        assertThat(held).isNotEqualTo(original);
        assertThat(Files.readString(held)).isEqualTo("x".repeat(3000));
        assertThat(resource.manifest().chunkSize()).isEqualTo(1024);
        assertThat(resource.manifest().chunkCount(0)).isEqualTo(3);
    }

    @Test
    void survivesARestart() throws IOException {
        Path folder = write("set/a.csv", "1").getParent();
        write("set/sub/b.csv", "2");
        Resource resource = open().add(PAPER, List.of(folder));

        LocalRepository reopened = open();
        assertThat(reopened.list()).containsExactly(resource);
        assertThat(reopened.find(resource.id())).contains(resource);
        assertThat(reopened.fileOf(resource.id(), 1).map(LocalRepositoryTest::read)).contains("2");
        assertThat(reopened.damaged()).isEmpty();
    }

    @Test
    void addingTheSameThingTwiceHoldsItOnce() throws IOException {
        Path file = write("a", "same");
        LocalRepository repository = open();
        Resource first = repository.add(PAPER, List.of(file));
        Resource second = repository.add(PAPER, List.of(file));
        assertThat(second).isEqualTo(first);
        assertThat(repository.list()).hasSize(1);
    }

    @Test
    void aDamagedManifestIsReportedAndSkippedWithoutStoppingStartUp() throws IOException {
        LocalRepository repository = open();
        Resource good = repository.add(PAPER, List.of(write("good", "good")));
        Resource bad = repository.add(ResourceMetadata.of("Other", ResourceType.CODE), List.of(write("bad", "bad")));
        Path badJson = dir.resolve("repo/resources").resolve(bad.id().hex()).resolve("resource.json");
        Files.writeString(badJson, Files.readString(badJson).substring(0, 40)); // torn by a bad disk

        LocalRepository reopened = open();
        assertThat(reopened.list()).containsExactly(good);
        assertThat(reopened.damaged()).singleElement()
                .satisfies(d -> assertThat(d.folder().getFileName().toString()).isEqualTo(bad.id().hex()));
    }

    @Test
    void anEditedManifestWhoseIdNoLongerFitsIsSkipped() throws IOException {
        Resource resource = open().add(PAPER, List.of(write("p", "p")));
        Path json = dir.resolve("repo/resources").resolve(resource.id().hex()).resolve("resource.json");
        Files.writeString(json, Files.readString(json).replace("A paper", "B paper"));

        LocalRepository reopened = open();
        assertThat(reopened.list()).isEmpty();
        assertThat(reopened.damaged()).singleElement().satisfies(d -> assertThat(d.reason()).contains("does not match"));
    }

    @Test
    void debrisOfAnInterruptedAddIsRemovedAtStart() throws IOException {
        open();
        Path debris = Files.createDirectories(dir.resolve("repo/resources").resolve("ab".repeat(32)).resolve("files"));
        Files.writeString(debris.resolve("half"), "half");
        Files.createDirectories(dir.resolve("repo/adding/x"));

        LocalRepository reopened = open();
        assertThat(reopened.list()).isEmpty();
        assertThat(debris.getParent()).doesNotExist();
        assertThat(dir.resolve("repo/adding/x")).doesNotExist();
    }

    @Test
    void deleteStopsHoldingAndRemovesTheFiles() throws IOException {
        LocalRepository repository = open();
        Resource resource = repository.add(PAPER, List.of(write("p", "p")));
        Path held = repository.fileOf(resource.id(), 0).orElseThrow();

        repository.delete(resource.id());
        repository.delete(resource.id());

        assertThat(repository.find(resource.id())).isEmpty();
        assertThat(repository.fileOf(resource.id(), 0)).isEmpty();
        assertThat(held).doesNotExist();
        assertThat(open().list()).isEmpty();
    }

    @Test
    void fileOfIsEmptyForAMissingOrTruncatedFileOrABadIndex() throws IOException {
        LocalRepository repository = open();
        Resource resource = repository.add(PAPER, List.of(write("p", "pppp")));
        assertThat(repository.fileOf(resource.id(), 1)).isEmpty();
        assertThat(repository.fileOf(resource.id(), -1)).isEmpty();
        Files.writeString(repository.fileOf(resource.id(), 0).orElseThrow(), "pp");
        assertThat(repository.fileOf(resource.id(), 0)).isEmpty();
    }

    @Test
    void importsAVerifiedDownloadByMovingItIn() throws IOException {
        LocalRepository source = new LocalRepository(dir.resolve("other"), 1024);
        Resource resource = source.add(PAPER, List.of(write("pkg/a.txt", "aaa").getParent()));
        LocalRepository repository = open();
        Path staged = Files.createDirectories(repository.stagingDir().resolve("dl-1/pkg"));
        Files.copy(source.fileOf(resource.id(), 0).orElseThrow(), staged.resolve("a.txt"));

        Resource imported = repository.importVerified(resource, staged.getParent());

        assertThat(imported).isEqualTo(resource);
        assertThat(repository.fileOf(resource.id(), 0).map(LocalRepositoryTest::read)).contains("aaa");
        assertThat(staged.getParent()).doesNotExist();
        assertThat(open().list()).containsExactly(resource);
    }

    @Test
    void refusesToImportAStagedFolderWithAMissingOrShortFile() throws IOException {
        Resource resource = new LocalRepository(dir.resolve("other"), 1024).add(PAPER, List.of(write("a.txt", "aaa")));
        LocalRepository repository = open();
        Path staged = Files.createDirectories(repository.stagingDir().resolve("dl"));
        assertThatThrownBy(() -> repository.importVerified(resource, staged)).isInstanceOf(RepositoryException.class);
        Files.writeString(staged.resolve("a.txt"), "aa");
        assertThatThrownBy(() -> repository.importVerified(resource, staged))
                .isInstanceOf(RepositoryException.class).hasMessageContaining("wrong size");
        assertThat(repository.list()).isEmpty();
    }

    @Test
    void refusesPicksThatCannotBePackaged() throws IOException {
        LocalRepository repository = open();
        assertThatThrownBy(() -> repository.add(PAPER, List.of())).isInstanceOf(InvalidManifestException.class);
        assertThatThrownBy(() -> repository.add(PAPER, List.of(dir.resolve("missing"))))
                .isInstanceOf(InvalidManifestException.class);
        Path bad = write("sub/a\\b", "x").getParent();
        assertThatThrownBy(() -> repository.add(PAPER, List.of(bad))).isInstanceOf(InvalidPackagePathException.class);
        assertThat(repository.list()).isEmpty();
        try (var left = Files.list(dir.resolve("repo/adding"))) {
            assertThat(left).isEmpty();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
