package org.peershelf.protocol.resource.bibtex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small strict BibTeX reader: {@code @type{key, field = value, …}} or with parentheses, values in braces (nested),
 * in quotes, numbers or {@code @string} macros joined with {@code #}; {@code @comment} and {@code @preamble} are
 * skipped, as is text between entries. Anything else, e.g. an unclosed brace or an undefined macro, is a
 * {@link BibtexException} naming the line.
 */
public final class BibtexParser {
    /** Pasted text or a .bib file larger than this is refused: no real bibliography entry is. */
    public static final int MAX_CHARS = 10 << 20;
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};

    private final String in;
    private int pos;
    private final Map<String, String> macros = new HashMap<>();

    private BibtexParser(String in) {
        this.in = in;
        String[] full = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December"};
        for (int i = 0; i < MONTHS.length; i++) {
            macros.put(MONTHS[i], full[i]);
        }
    }

    /** Every entry in the text, in order. */
    public static List<BibEntry> parse(String text) {
        if (text == null) {
            throw new BibtexException("no text", 0);
        }
        if (text.length() > MAX_CHARS) {
            throw new BibtexException("the text is longer than " + MAX_CHARS + " characters", 0);
        }
        return new BibtexParser(text).entries();
    }

    /** The one entry of a pasted text. @throws BibtexException if there is none */
    public static BibEntry parseFirst(String text) {
        List<BibEntry> entries = parse(text);
        if (entries.isEmpty()) {
            throw new BibtexException("no entry found (an entry starts with @article{, @book{, …)", 0);
        }
        return entries.get(0);
    }

    private List<BibEntry> entries() {
        List<BibEntry> entries = new ArrayList<>();
        while (true) {
            int at = in.indexOf('@', pos);
            if (at < 0) {
                return entries;
            }
            pos = at + 1;
            skipSpace();
            String type = identifier("an entry type after '@'").toLowerCase(Locale.ROOT);
            skipSpace();
            char open = next("'{' or '(' after @" + type);
            if (open != '{' && open != '(') {
                throw error("expected '{' or '(' after @" + type);
            }
            char close = open == '{' ? '}' : ')';
            switch (type) {
                case "comment" -> skipComment(open, close);
                case "preamble" -> {
                    value();
                    expect(close);
                }
                case "string" -> defineMacro(close);
                default -> entries.add(entry(type, close));
            }
        }
    }

    private BibEntry entry(String type, char close) {
        skipSpace();
        int start = pos;
        while (pos < in.length() && in.charAt(pos) != ',' && in.charAt(pos) != close
                && !Character.isWhitespace(in.charAt(pos))) {
            pos++;
        }
        String key = in.substring(start, pos);
        skipSpace();
        Map<String, String> fields = new LinkedHashMap<>();
        while (true) {
            char c = next("',' or '" + close + "' to end the entry " + key);
            if (c == close) {
                return new BibEntry(type, key, fields);
            }
            if (c != ',') {
                throw error("expected ',' or '" + close + "' in entry " + key + ", found '" + c + "'");
            }
            skipSpace();
            if (peek() == close) {
                continue; // a trailing comma
            }
            String name = identifier("a field name in entry " + key).toLowerCase(Locale.ROOT);
            skipSpace();
            expect('=');
            String value = value();
            fields.putIfAbsent(name, value);
            skipSpace();
        }
    }

    private void defineMacro(char close) {
        skipSpace();
        String name = identifier("a @string name").toLowerCase(Locale.ROOT);
        skipSpace();
        expect('=');
        macros.put(name, value());
        skipSpace();
        expect(close);
    }

    private void skipComment(char open, char close) {
        int depth = 1;
        while (depth > 0) {
            char c = next("the end of @comment");
            if (c == open) {
                depth++;
            } else if (c == close) {
                depth--;
            }
        }
    }

    /** parts joined with '#' */
    private String value() {
        StringBuilder out = new StringBuilder();
        while (true) {
            skipSpace();
            char c = peek();
            if (c == '{') {
                pos++;
                out.append(braced());
            } else if (c == '"') {
                pos++;
                out.append(quoted());
            } else if (Character.isDigit(c)) {
                int start = pos;
                while (pos < in.length() && Character.isDigit(in.charAt(pos))) {
                    pos++;
                }
                out.append(in, start, pos);
            } else if (isIdentifierChar(c)) {
                int line = line();
                String name = identifier("a value").toLowerCase(Locale.ROOT);
                String macro = macros.get(name);
                if (macro == null) {
                    throw new BibtexException("undefined string \"" + name + "\" (put text in braces: {" + name + "})",
                            line);
                }
                out.append(macro);
            } else {
                throw error(c == 0 ? "the text ends where a value should be" : "expected a value, found '" + c + "'");
            }
            skipSpace();
            if (peek() != '#') {
                return out.toString();
            }
            pos++;
        }
    }

    private String braced() {
        int start = pos;
        int startLine = line();
        int depth = 1;
        while (pos < in.length()) {
            char c = in.charAt(pos++);
            if (c == '\\' && pos < in.length()) {
                pos++; // \{ and \} do not count
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return in.substring(start, pos - 1);
            }
        }
        throw new BibtexException("a '{' is never closed", startLine);
    }

    private String quoted() {
        int start = pos;
        int startLine = line();
        int depth = 0;
        while (pos < in.length()) {
            char c = in.charAt(pos++);
            if (c == '\\' && pos < in.length()) {
                pos++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth < 0) {
                    throw new BibtexException("a '}' inside quotes has no '{'", line());
                }
            } else if (c == '"' && depth == 0) {
                return in.substring(start, pos - 1);
            }
        }
        throw new BibtexException("a '\"' is never closed", startLine);
    }

    private String identifier(String what) {
        int start = pos;
        while (pos < in.length() && isIdentifierChar(in.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expected " + what);
        }
        return in.substring(start, pos);
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ':' || c == '.' || c == '+' || c == '/';
    }

    private void skipSpace() {
        while (pos < in.length() && Character.isWhitespace(in.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < in.length() ? in.charAt(pos) : 0;
    }

    private char next(String expected) {
        skipSpace();
        if (pos >= in.length()) {
            throw error("the text ends where " + expected + " should be");
        }
        return in.charAt(pos++);
    }

    private void expect(char c) {
        char found = next("'" + c + "'");
        if (found != c) {
            pos--;
            throw error("expected '" + c + "', found '" + found + "'");
        }
    }

    private int line() {
        int line = 1;
        for (int i = 0; i < Math.min(pos, in.length()); i++) {
            if (in.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private BibtexException error(String problem) {
        return new BibtexException(problem, line());
    }
}
