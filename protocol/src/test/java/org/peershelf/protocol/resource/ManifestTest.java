package org.peershelf.protocol.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
    private static final String EMPTY_SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String ABC_SHA = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    @Test
    void hashesFileAndEveryChunkInOnePass() throws IOException {
        byte[] bytes = new byte[2500];
        new Random(7).nextBytes(bytes);
        Path file = Files.write(dir.resolve("data.bin"), bytes);

        ManifestFile entry = new FileHasher(1024).hash("data.bin", file);

        assertThat(entry.size()).isEqualTo(2500);
        assertThat(entry.sha256()).isEqualTo(FileHasher.sha256Hex(bytes, 0, bytes.length));
        assertThat(entry.chunkSha256()).containsExactly(
                FileHasher.sha256Hex(bytes, 0, 1024),
                FileHasher.sha256Hex(bytes, 1024, 1024),
                FileHasher.sha256Hex(bytes, 2048, 452));
    }

    @Test
    void knownDigestsForSmallAndEmptyFiles() throws IOException {
        FileHasher hasher = new FileHasher(1024);
        ManifestFile abc = hasher.hash("abc", Files.writeString(dir.resolve("abc"), "abc"));
        ManifestFile empty = hasher.hash("empty", Files.write(dir.resolve("empty"), new byte[0]));

        assertThat(abc.sha256()).isEqualTo(ABC_SHA);
        assertThat(abc.chunkSha256()).containsExactly(ABC_SHA);
        assertThat(empty.sha256()).isEqualTo(EMPTY_SHA);
        assertThat(empty.chunkSha256()).isEmpty();
    }

    @Test
    void copyHasTheHashedBytes() throws IOException {
        byte[] bytes = new byte[5000];
        new Random(3).nextBytes(bytes);
        Path source = Files.write(dir.resolve("s"), bytes);
        Path copy = dir.resolve("copy");

        ManifestFile entry = new FileHasher(1024).hashAndCopy("s", source, copy);

        assertThat(Files.readAllBytes(copy)).isEqualTo(bytes);
        assertThat(entry.sha256()).isEqualTo(FileHasher.sha256Hex(bytes, 0, bytes.length));
    }

    @Test
    void chunkArithmetic() {
        Manifest manifest = new Manifest(1024, List.of(
                file("a", 2049), file("b", 0), file("c", 1024)));

        assertThat(manifest.totalSize()).isEqualTo(3073);
        assertThat(manifest.totalChunks()).isEqualTo(4);
        assertThat(manifest.chunkCount(0)).isEqualTo(3);
        assertThat(manifest.chunkCount(1)).isZero();
        assertThat(manifest.chunkLength(0, 0)).isEqualTo(1024);
        assertThat(manifest.chunkLength(0, 2)).isEqualTo(1);
        assertThat(manifest.chunkLength(2, 0)).isEqualTo(1024);
        assertThat(manifest.chunkOffset(2)).isEqualTo(2048);
        assertThatThrownBy(() -> manifest.chunkLength(0, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> manifest.chunkLength(1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void rejectsChunkHashesThatDoNotFitTheSize() {
        ManifestFile lying = new ManifestFile("a", 5000, ABC_SHA, List.of(ABC_SHA));
        assertThatThrownBy(() -> new Manifest(1024, List.of(lying)))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessageContaining("should have 5 chunk hashes");
    }

    @Test
    void rejectsDuplicateNamesIgnoringCaseAndFilesNamedLikeFolders() {
        assertThatThrownBy(() -> new Manifest(1024, List.of(file("Read.me", 1), file("read.ME", 1))))
                .isInstanceOf(InvalidPackagePathException.class);
        assertThatThrownBy(() -> new Manifest(1024, List.of(file("data", 1), file("data/x", 1))))
                .isInstanceOf(InvalidPackagePathException.class);
    }

    @Test
    void rejectsAbsurdChunkSizesAndEmptyPackages() {
        assertThatThrownBy(() -> new Manifest(0, List.of(file("a", 0)))).isInstanceOf(InvalidManifestException.class);
        assertThatThrownBy(() -> new Manifest(Integer.MAX_VALUE, List.of(file("a", 0))))
                .isInstanceOf(InvalidManifestException.class);
        assertThatThrownBy(() -> new Manifest(1024, List.of())).isInstanceOf(InvalidManifestException.class);
    }

    @Test
    void rejectsHashesThatAreNotLowerHex() {
        assertThatThrownBy(() -> new ManifestFile("a", 0, ABC_SHA.toUpperCase(), List.of()))
                .isInstanceOf(InvalidManifestException.class);
    }

    @Test
    void builderSortsEntriesByPath() throws IOException {
        Path b = Files.writeString(dir.resolve("b"), "b");
        Path a = Files.writeString(dir.resolve("a"), "a");
        Manifest manifest = new ManifestBuilder(1024).build(List.of(new PackageEntry("z/b", b), new PackageEntry("a", a)));
        assertThat(manifest.files()).extracting(ManifestFile::path).containsExactly("a", "z/b");
    }

    static ManifestFile file(String path, long size) {
        String[] chunks = new String[(int) ((size + 1023) / 1024)];
        Arrays.fill(chunks, ABC_SHA);
        return new ManifestFile(path, size, ABC_SHA, List.of(chunks));
    }
}
