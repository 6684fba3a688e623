package io.istiomc.components;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Kubernetes' rules for annotations: each name a qualified name, all names and values together at most 256 KiB. */
public final class AnnotationNames {
    /** Kubernetes' {@code TotalAnnotationSizeLimitB}. */
    public static final int MAX_TOTAL_BYTES = 256 * 1024;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private AnnotationNames() {
    }

    /** What is wrong with an annotation name ({@code [prefix/]name}, as Kubernetes' IsQualifiedName), or empty. */
    public static Optional<String> problem(String name) {
        var slash = name.indexOf('/');
        var prefix = slash < 0 ? null : name.substring(0, slash);
        var local = slash < 0 ? name : name.substring(slash + 1);
        if (prefix != null && (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches())) {
            return Optional.of("is not a valid annotation name: the prefix before '/' must be a DNS subdomain"
                    + " (lowercase letters, digits, '-' and '.', at most 253 characters)");
        }
        if (local.isEmpty() || local.length() > 63 || !NAME.matcher(local).matches()) {
            return Optional.of("is not a valid annotation name: the name (after an optional 'prefix/') must be at most 63"
                    + " letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
        }
        return Optional.empty();
    }

    /** The size Kubernetes counts against {@link #MAX_TOTAL_BYTES}: every name and value, in bytes. */
    public static long totalBytes(Map<String, String> annotations) {
        long total = 0;
        for (var entry : annotations.entrySet()) {
            total += entry.getKey().getBytes(StandardCharsets.UTF_8).length + entry.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        return total;
    }
}
