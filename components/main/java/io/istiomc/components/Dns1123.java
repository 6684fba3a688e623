package io.istiomc.components;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Kubernetes' DNS-1123 rules: cluster and network names end up in Secret names and labels, and a
 * TLS server name must be a host name.
 */
public final class Dns1123 {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    public static final int MAX_LENGTH = 63;
    public static final int MAX_SUBDOMAIN_LENGTH = 253;

    private Dns1123() {
    }

    public static boolean isLabel(String value) {
        return value != null && value.length() <= MAX_LENGTH && LABEL.matcher(value).matches();
    }

    /**
     * A DNS-1123 subdomain that is a host name: labels joined by dots, at most 253 characters, and
     * not an IPv4 address written as one (RFC 1123 keeps the last label of a host name non-numeric
     * for this reason).
     */
    public static boolean isHostName(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_SUBDOMAIN_LENGTH || value.matches("[0-9.]+")) {
            return false;
        }
        for (var label : value.split("\\.", -1)) {
            if (!isLabel(label)) {
                return false;
            }
        }
        return true;
    }

    /** The DNS-1123 label rule on {@code property}: no problem, or one naming the value and the fix. */
    public static List<Problem> checkLabel(String property, String value) {
        if (isLabel(value)) {
            return List.of();
        }
        return List.of(new Problem(property, "must be a DNS-1123 label (got '" + value + "'); use at most " + MAX_LENGTH
                + " lowercase letters, digits and '-', starting and ending with a letter or digit"));
    }

    /** Throws, naming the property and the fix, unless {@code value} is a DNS-1123 label. */
    public static void requireLabel(String owner, String property, String value) {
        Problem.requireNone(owner, checkLabel(property, value));
    }
}
