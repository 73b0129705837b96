package org.peershelf.protocol.resource.bibtex;

import java.text.Normalizer;
import java.util.Map;

/**
 * Between BibTeX values and plain text. Decoding resolves what bibliographies really contain: grouping braces,
 * escaped specials ({@code \& \% \$ \# \_ \{ \}}), accents ({@code \'e}, {@code {\"o}}, {@code \c{c}}), a few
 * letters ({@code \ss}, {@code \o}), {@code ~} as a space, and drops other commands but keeps their argument
 * ({@code \emph{x}} → x). Encoding escapes exactly the characters BibTeX treats specially, so encode then decode
 * gives the text back.
 */
public final class LatexText {
    private static final Map<Character, Character> ACCENTS = Map.of(
            '\'', '\u0301', '`', '\u0300', '^', '\u0302', '"', '\u0308', '~', '\u0303',
            '=', '\u0304', '.', '\u0307', 'c', '\u0327', 'v', '\u030C', 'u', '\u0306');
    private static final Map<String, String> LETTERS = Map.ofEntries(
            Map.entry("ss", "ß"), Map.entry("o", "ø"), Map.entry("O", "Ø"), Map.entry("ae", "æ"),
            Map.entry("AE", "Æ"), Map.entry("oe", "œ"), Map.entry("OE", "Œ"), Map.entry("aa", "å"),
            Map.entry("AA", "Å"), Map.entry("l", "ł"), Map.entry("L", "Ł"), Map.entry("i", "ı"),
            Map.entry("textbackslash", "\\"), Map.entry("textasciitilde", "~"), Map.entry("textasciicircum", "^"),
            Map.entry("textbar", "|"), Map.entry("textless", "<"), Map.entry("textgreater", ">"));
    private static final Map<Character, Character> ACCENT_H = Map.of('H', '\u030B', 'k', '\u0328', 'r', '\u030A');

    private LatexText() {
    }

    public static String decode(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i = command(raw, i + 1, out);
            } else {
                if (c == '~') {
                    out.append(' ');
                } else if (c != '{' && c != '}' && c != '$') {
                    out.append(c);
                }
                i++;
            }
        }
        return Normalizer.normalize(out.toString().replaceAll("\\s+", " ").strip(), Normalizer.Form.NFC);
    }

    /** Reads the command after a backslash at {@code i}, appends its text, returns where reading goes on. */
    private static int command(String raw, int i, StringBuilder out) {
        if (i >= raw.length()) {
            out.append('\\');
            return i;
        }
        char c = raw.charAt(i);
        if ("&%$#_{}".indexOf(c) >= 0) {
            out.append(c);
            return i + 1;
        }
        if (c == '\\') {
            out.append(' '); // a line break
            return i + 1;
        }
        if (ACCENTS.containsKey(c) && (!Character.isLetter(c) || !isLetterAt(raw, i + 1))) {
            return accent(raw, i + 1, ACCENTS.get(c), out);
        }
        int end = i;
        while (end < raw.length() && Character.isLetter(raw.charAt(end))) {
            end++;
        }
        if (end == i) {
            out.append(c); // \, \; \! and the like: spacing; keep the character if printable
            return i + 1;
        }
        String name = raw.substring(i, end);
        int after = skipBlanks(raw, end);
        if (name.length() == 1 && ACCENT_H.containsKey(name.charAt(0))) {
            return accent(raw, after, ACCENT_H.get(name.charAt(0)), out);
        }
        String letter = LETTERS.get(name);
        if (letter != null) {
            out.append(letter);
            if (after + 1 < raw.length() && raw.charAt(after) == '{' && raw.charAt(after + 1) == '}') {
                return after + 2; // \textbackslash{}
            }
            return after;
        }
        return after; // other commands vanish; an argument in braces follows and is kept as text
    }

    private static boolean isLetterAt(String raw, int i) {
        return i < raw.length() && Character.isLetter(raw.charAt(i));
    }

    private static int accent(String raw, int i, char combining, StringBuilder out) {
        int j = skipBlanks(raw, i);
        boolean braced = j < raw.length() && raw.charAt(j) == '{';
        if (braced) {
            j++;
        }
        if (j < raw.length() && raw.charAt(j) == '\\' && j + 1 < raw.length() && raw.charAt(j + 1) == 'i') {
            out.append('i'); // \'{\i}: dotless i with an accent is just í
            j += 2;
        } else if (j < raw.length()) {
            out.append(raw.charAt(j));
            j++;
        }
        out.append(combining);
        if (braced && j < raw.length() && raw.charAt(j) == '}') {
            j++;
        }
        return j;
    }

    private static int skipBlanks(String raw, int i) {
        while (i < raw.length() && raw.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Plain text as a BibTeX value body (to be put in braces); non-ASCII letters stay (UTF-8 .bib files). */
    public static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&', '%', '$', '#', '_', '{', '}' -> out.append('\\').append(c);
                case '\\' -> out.append("\\textbackslash{}");
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '\n', '\r', '\t' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
