package org.peershelf.app.config;

import java.util.Optional;

/**
 * A {@code mongodb://user:password@hosts/…} address split into the address without the password and the
 * password (still percent-encoded, as typed). MongoDB requires {@code : / ? # [ ] @} in the user info to be
 * percent-encoded, so the first {@code /} after the scheme starts the path and the last {@code @} before it ends
 * the user info.
 */
record UriPassword(String withoutPassword, Optional<String> password) {
    static UriPassword split(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme < 0) {
            return new UriPassword(uri, Optional.empty());
        }
        int start = scheme + 3;
        int slash = uri.indexOf('/', start);
        int end = slash < 0 ? uri.length() : slash;
        int at = uri.lastIndexOf('@', end - 1);
        if (at < start) {
            return new UriPassword(uri, Optional.empty());
        }
        int colon = uri.indexOf(':', start);
        if (colon < 0 || colon > at) {
            return new UriPassword(uri, Optional.empty());
        }
        String password = uri.substring(colon + 1, at);
        String without = uri.substring(0, colon) + uri.substring(at);
        return new UriPassword(without, password.isEmpty() ? Optional.empty() : Optional.of(password));
    }

    /** The address with {@code secret} put back after the user name (if the address has a user name). */
    String withPassword(String secret) {
        int start = withoutPassword.indexOf("://") + 3;
        int slash = withoutPassword.indexOf('/', start);
        int end = slash < 0 ? withoutPassword.length() : slash;
        int at = withoutPassword.lastIndexOf('@', end - 1);
        if (start < 3 || at < start) {
            return withoutPassword;
        }
        return withoutPassword.substring(0, at) + ":" + secret + withoutPassword.substring(at);
    }
}
