package io.istiomc.components;

import java.util.regex.Pattern;

/** Kubernetes' DNS-1123 label rule: cluster and network names end up in Secret names and labels. */
public final class Dns1123 {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    public static final int MAX_LENGTH = 63;

    private Dns1123() {
    }

    public static boolean isLabel(String value) {
        return value != null && value.length() <= MAX_LENGTH && LABEL.matcher(value).matches();
    }

    /** Throws, naming the property and the fix, unless {@code value} is a DNS-1123 label. */
    public static void requireLabel(String owner, String property, String value) {
        if (!isLabel(value)) {
            throw new IllegalArgumentException(owner + ": '" + property + "' must be a DNS-1123 label (got '" + value
                    + "'); use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit");
        }
    }
}
