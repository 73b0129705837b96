package org.peershelf.protocol.resource;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The bytes a resource id is the SHA-256 of. Hand-written rather than JSON so that no library version, field order
 * or number formatting can change an id: a magic with a format version, then every field in a fixed order, strings as
 * presence byte + 4-byte big-endian length + UTF-8, hashes as their 32 raw bytes. Changing this changes every id, so
 * a new layout gets a new magic ({@code PSR2}…) and the old one stays readable.
 */
public final class CanonicalForm {
    private static final byte[] MAGIC = "PSR1".getBytes(UTF_8);

    private CanonicalForm() {
    }

    public static ResourceId idOf(ResourceMetadata metadata, Manifest manifest) {
        return new ResourceId(HexFormat.of().formatHex(sha256().digest(encode(metadata, manifest))));
    }

    public static byte[] encode(ResourceMetadata metadata, Manifest manifest) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + manifest.totalChunks() * 32);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            string(out, metadata.title());
            list(out, metadata.authors());
            if (metadata.year() == null) {
                out.writeByte(0);
            } else {
                out.writeByte(1);
                out.writeInt(metadata.year());
            }
            string(out, metadata.type().label());
            string(out, metadata.doi());
            string(out, metadata.abstractText());
            list(out, metadata.tags());
            string(out, metadata.licence());
            string(out, metadata.version());
            string(out, metadata.previousVersion() == null ? null : metadata.previousVersion().hex());
            out.writeInt(manifest.chunkSize());
            out.writeInt(manifest.files().size());
            HexFormat hex = HexFormat.of();
            for (ManifestFile file : manifest.files()) {
                string(out, file.path());
                out.writeLong(file.size());
                out.write(hex.parseHex(file.sha256()));
                out.writeInt(file.chunkSha256().size());
                for (String chunk : file.chunkSha256()) {
                    out.write(hex.parseHex(chunk));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeByte(0);
            return;
        }
        byte[] utf8 = s.getBytes(UTF_8);
        out.writeByte(1);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static void list(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            string(out, value);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
