package io.istiomc.components;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Credentials in URLs: an API server or chart repository URL is printed in plans and written into
 * Helm release inputs, so it must carry none, and a rejected one is shown without them.
 */
public final class Urls {
    private Urls() {
    }

    /**
     * Whether the URL may carry a credential: user info ({@code user:password@}), a query string
     * ({@code ?token=}) or a fragment.
     */
    public static boolean hasCredentials(String url) {
        return !withoutCredentials(url).equals(url);
    }

    /**
     * The URL without anything that may be a credential: user info, query string and fragment are
     * replaced by {@code ***}. Works on text that is not a valid URI as well.
     *
     * <p>The user info ends at the last {@code @} of the text, as RFC 3986 parsers that accept a
     * password with '/', '?' or '#' in it take it (Go's {@code net/url} takes the last {@code @} of
     * the authority as well): cutting the authority at the first '/', '?' or '#' instead would print
     * the rest of such a password ({@code https://robot:Zq7/Slash@host}). So the host is what follows
     * the last {@code @}, up to the first '/', '?' or '#' after it, and nothing before it is ever shown.
     */
    public static String withoutCredentials(String url) {
        var schemeEnd = url.indexOf("://");
        var authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
        var at = url.lastIndexOf('@');
        var prefix = url.substring(0, authorityStart);
        var rest = url.substring(authorityStart);
        if (at >= authorityStart) {
            prefix = prefix + "***@";
            rest = url.substring(at + 1);
        }
        var pathEnd = indexOfAny(rest, "?#");
        if (pathEnd >= 0) {
            rest = rest.substring(0, pathEnd) + rest.charAt(pathEnd) + "***";
        }
        return prefix + rest;
    }

    /** Whether the URL's port, when it has one, is from 1 to 65535 (read after the user info, as above). */
    public static boolean hasValidPort(String url) {
        try {
            var port = new URI(withoutCredentials(url)).getPort();
            return port == -1 || (port >= 1 && port <= 65535);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
