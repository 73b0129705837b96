package org.peershelf.protocol.resource;

/**
 * A file name inside a package that could escape the repository folder or that another system could not store:
 * absolute, {@code ..}, empty segments, backslashes, NUL or other control characters, drive letters, duplicates.
 */
public class InvalidPackagePathException extends InvalidManifestException {
    private final String path;

    public InvalidPackagePathException(String path, String reason) {
        super("The file name \"" + printable(path) + "\" in the package is not allowed: " + reason + ".");
        this.path = path;
    }

    /** The offending name as received (may hold control characters). */
    public String path() {
        return path;
    }

    private static String printable(String path) {
        if (path == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder();
        path.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
