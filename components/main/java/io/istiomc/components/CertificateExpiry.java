package io.istiomc.components;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rule for certificates close to their end: a warning for each one that has expired or expires
 * within {@link #WARNING_WINDOW} of a given time. Pure, so that the program applies it to the
 * issued certificates' dates and the offline plan to the dates a certificate issued now would have.
 */
public final class CertificateExpiry {
    /** The key of the first root in {@link MeshCertificateAuthority#certificateExpiries()}; no cluster may be named so. */
    public static final String ROOT = "root";
    /** What precedes any other root's name in its key: no cluster name (a DNS-1123 label) holds a colon. */
    private static final String OTHER_ROOT_PREFIX = ROOT + ":";
    /** How close to its end a certificate is warned about. */
    public static final Duration WARNING_WINDOW = Duration.ofDays(30);

    private CertificateExpiry() {
    }

    /** The key of a root's expiry: {@value #ROOT} for the first root, {@code root:<name>} for any other. */
    public static String rootKey(String root) {
        return root.equals(MeshCertificateAuthority.FIRST_ROOT) ? ROOT : OTHER_ROOT_PREFIX + root;
    }

    private static boolean isRoot(String key) {
        return key.equals(ROOT) || key.startsWith(OTHER_ROOT_PREFIX);
    }

    /**
     * The warnings, in the order of {@code expiries}.
     *
     * @param expiries when each certificate ends, by {@link #rootKey} or cluster name
     * @param now      the time they are judged at
     */
    public static List<String> warnings(Map<String, Instant> expiries, Instant now) {
        var warnings = new ArrayList<String>();
        expiries.forEach((name, end) -> {
            var root = isRoot(name);
            var what = name.equals(ROOT) ? "the mesh's root certificate"
                    : root ? "the mesh's root certificate '" + name.substring(OTHER_ROOT_PREFIX.length()) + "'"
                    : "the intermediate certificate of cluster '" + name + "'";
            var left = Duration.between(now, end);
            if (!end.isAfter(now)) {
                warnings.add(what + " has expired: workloads " + (root ? "of every cluster" : "of that cluster")
                        + " can no longer get certificates that others trust");
            } else if (left.compareTo(WARNING_WINDOW) <= 0) {
                warnings.add(what + " expires in " + describe(left) + " (within " + WARNING_WINDOW.toDays() + " days): "
                        + (root ? "plan a root rotation" : "renew it (an 'intermediateRenewalDays' window) or"
                        + " raise 'intermediateValidityDays'"));
            }
        });
        return warnings;
    }

    private static String describe(Duration left) {
        return left.toDays() >= 1 ? left.toDays() + (left.toDays() == 1 ? " day" : " days") : left.toHours() + " hours";
    }
}
