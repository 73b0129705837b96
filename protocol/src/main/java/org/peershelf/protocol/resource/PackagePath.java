package org.peershelf.protocol.resource;

import java.util.Locale;
import java.util.Set;

/**
 * The rules for a file's path inside a package. Paths come from other peers, so they are checked before anything
 * touches the disk: '/'-separated, relative, every segment a plain name. The rules are strict enough that a path valid
 * here can be stored on Linux, macOS and Windows alike.
 */
public final class PackagePath {
    public static final int MAX_LENGTH = 1024;
    public static final int MAX_SEGMENT_LENGTH = 255;
    private static final Set<String> WINDOWS_RESERVED = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private PackagePath() {
    }

    /**
     * @return the path unchanged if valid
     * @throws InvalidPackagePathException naming what is wrong
     */
    public static String validate(String path) {
        if (path == null || path.isEmpty()) {
            throw new InvalidPackagePathException(path, "it is empty");
        }
        if (path.length() > MAX_LENGTH) {
            throw new InvalidPackagePathException(path, "it is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == 0) {
                throw new InvalidPackagePathException(path, "it contains a NUL character");
            }
            if (c < 0x20 || c == 0x7f) {
                throw new InvalidPackagePathException(path, "it contains a control character");
            }
            if (c == '\\') {
                throw new InvalidPackagePathException(path, "it contains a backslash (use '/' between folders)");
            }
            if (c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|') {
                throw new InvalidPackagePathException(path, "it contains '" + c + "', which Windows cannot store");
            }
        }
        if (path.charAt(0) == '/') {
            throw new InvalidPackagePathException(path, "it is absolute");
        }
        for (String segment : path.split("/", -1)) {
            checkSegment(path, segment);
        }
        return path;
    }

    private static void checkSegment(String path, String segment) {
        if (segment.isEmpty()) {
            throw new InvalidPackagePathException(path, "it has an empty folder name ('//' or a trailing '/')");
        }
        if (segment.equals(".") || segment.equals("..")) {
            throw new InvalidPackagePathException(path, "it contains '" + segment + "'");
        }
        if (segment.length() > MAX_SEGMENT_LENGTH) {
            throw new InvalidPackagePathException(path, "a name in it is longer than " + MAX_SEGMENT_LENGTH);
        }
        if (segment.endsWith(".") || segment.endsWith(" ")) {
            throw new InvalidPackagePathException(path, "a name in it ends with a dot or a space");
        }
        String stem = segment.toLowerCase(Locale.ROOT);
        int dot = stem.indexOf('.');
        if (WINDOWS_RESERVED.contains(dot < 0 ? stem : stem.substring(0, dot))) {
            throw new InvalidPackagePathException(path, "'" + segment + "' is a reserved device name on Windows");
        }
    }

    /** The key two paths clash under on a case-insensitive file system. */
    static String clashKey(String path) {
        return path.toLowerCase(Locale.ROOT);
    }
}
