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

    /** Whether the URL has user info ({@code user:password@}) or a query string ({@code ?token=}). */
    public static boolean hasCredentials(String url) {
        return !strip(url).equals(url);
    }

    /**
     * The URL without anything that may be a credential: user info, query string and fragment are
     * replaced by {@code ***}. Works on text that is not a valid URI as well.
     */
    public static String withoutCredentials(String url) {
        return strip(url);
    }

    private static String strip(String url) {
        var result = url;
        var cut = indexOfAny(result, "?#");
        if (cut >= 0) {
            result = result.substring(0, cut) + result.charAt(cut) + "***";
        }
        var schemeEnd = result.indexOf("://");
        var authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
        var authorityEnd = indexOfAny(result.substring(authorityStart), "/?#");
        var authority = authorityEnd < 0 ? result.substring(authorityStart) : result.substring(authorityStart, authorityStart + authorityEnd);
        var at = authority.lastIndexOf('@');
        if (at >= 0) {
            result = result.substring(0, authorityStart) + "***@" + result.substring(authorityStart + at + 1);
        }
        return result;
    }

    /** Whether the URL's port, when it has one, is from 1 to 65535. */
    public static boolean hasValidPort(String url) {
        try {
            var port = new URI(url).getPort();
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
