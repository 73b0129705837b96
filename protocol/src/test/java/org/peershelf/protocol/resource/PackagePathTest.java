package org.peershelf.protocol.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackagePathTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../x", "a/../../x", "a/..", "..", ".", "./a", "a/./b", "a//b",
            "a/", "a\\b", "..\\..\\x", "a\u0000b", "a\nb", "C:/x", "c:x", "a/con", "NUL.txt", "a/b. ", "a/b."})
    void rejectsNamesThatCouldEscapeOrCannotBeStored(String path) {
        assertThatThrownBy(() -> PackagePath.validate(path))
                .isInstanceOf(InvalidPackagePathException.class)
                .hasMessageContaining("is not allowed");
    }

    @Test
    void rejectsOverlongNames() {
        assertThatThrownBy(() -> PackagePath.validate("a".repeat(256)))
                .isInstanceOf(InvalidPackagePathException.class);
        assertThatThrownBy(() -> PackagePath.validate("ab/".repeat(400) + "c"))
                .isInstanceOf(InvalidPackagePathException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"paper.pdf", "supplement/data set.csv", "code/src/Main.java", "..hidden", ".gitignore",
            "résumé/ü.txt", "a...b"})
    void acceptsPlainRelativeNames(String path) {
        assertThat(PackagePath.validate(path)).isEqualTo(path);
    }

    @Test
    void namesNulAsEscapeInTheMessage() {
        assertThatThrownBy(() -> PackagePath.validate("a\u0000b"))
                .hasMessageContaining("a\\u0000b")
                .hasMessageContaining("NUL");
    }

    @Test
    void resolvesInsideTheFolderOnly(@TempDir Path dir) {
        assertThat(PackageFiles.resolve(dir, "a/b.txt")).isEqualTo(dir.toAbsolutePath().resolve("a").resolve("b.txt"));
        assertThatThrownBy(() -> PackageFiles.resolve(dir, "a/../../b")).isInstanceOf(InvalidPackagePathException.class);
    }

    @Test
    void manifestFileRejectsTraversalWhenDecodedFromAPeer() {
        assertThatThrownBy(() -> new ManifestFile("../../.bashrc", 0, "0".repeat(64), java.util.List.of()))
                .isInstanceOf(InvalidPackagePathException.class);
    }
}
