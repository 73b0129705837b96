package org.peershelf.app.desktop.onboarding;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ORCID iDs as people paste them: {@code 0000-0002-1825-0097}, with or without the
 * {@code https://orcid.org/} prefix. The last character is an ISO 7064 MOD 11-2 check digit, so a typo
 * in any one digit is caught here rather than published.
 */
public final class Orcid {
    private static final Pattern PREFIX = Pattern.compile("(?i)^(?:https?://)?(?:www\\.)?orcid\\.org/");
    private static final Pattern FORM = Pattern.compile("(\\d{4})-?(\\d{4})-?(\\d{4})-?(\\d{3}[\\dX])");

    private Orcid() {
    }

    /** The canonical {@code 0000-0000-0000-000X} form, or empty if the text is not a valid ORCID iD. */
    public static Optional<String> normalize(String text) {
        Matcher m = FORM.matcher(bare(text));
        if (!m.matches()) {
            return Optional.empty();
        }
        String digits = m.group(1) + m.group(2) + m.group(3) + m.group(4);
        if (checkDigit(digits.substring(0, 15)) != digits.charAt(15)) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "-" + m.group(4));
    }

    /** Why {@code text} is not an ORCID iD, for the form; empty if it is one. */
    public static Optional<String> problem(String text) {
        if (normalize(text).isPresent()) {
            return Optional.empty();
        }
        String compact = bare(text).replace("-", "");
        if (compact.length() == 16 && compact.substring(0, 15).chars().allMatch(Character::isDigit)) {
            return Optional.of("This ORCID iD has a typo: its check digit does not match. Copy it from your ORCID page.");
        }
        return Optional.of("An ORCID iD looks like 0000-0002-1825-0097 (16 digits, the last may be X).");
    }

    private static String bare(String text) {
        String stripped = text == null ? "" : text.strip();
        return PREFIX.matcher(stripped).replaceFirst("").toUpperCase(Locale.ROOT);
    }

    static char checkDigit(String first15) {
        int total = 0;
        for (int i = 0; i < first15.length(); i++) {
            total = (total + (first15.charAt(i) - '0')) * 2;
        }
        int result = (12 - total % 11) % 11;
        return result == 10 ? 'X' : (char) ('0' + result);
    }
}
