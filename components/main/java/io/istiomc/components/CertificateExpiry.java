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
    /** The key of the root in {@link MeshCertificateAuthority#certificateExpiries()}; no cluster may be named so. */
    public static final String ROOT = "root";
    /** How close to its end a certificate is warned about. */
    public static final Duration WARNING_WINDOW = Duration.ofDays(30);

    private CertificateExpiry() {
    }

    /**
     * The warnings, in the order of {@code expiries}.
     *
     * @param expiries when each certificate ends, by {@link #ROOT} or cluster name
     * @param now      the time they are judged at
     */
    public static List<String> warnings(Map<String, Instant> expiries, Instant now) {
        var warnings = new ArrayList<String>();
        expiries.forEach((name, end) -> {
            var what = name.equals(ROOT) ? "the mesh's root certificate" : "the intermediate certificate of cluster '" + name + "'";
            var left = Duration.between(now, end);
            if (!end.isAfter(now)) {
                warnings.add(what + " has expired: workloads " + (name.equals(ROOT) ? "of every cluster" : "of that cluster")
                        + " can no longer get certificates that others trust");
            } else if (left.compareTo(WARNING_WINDOW) <= 0) {
                warnings.add(what + " expires in " + describe(left) + " (within " + WARNING_WINDOW.toDays() + " days): "
                        + (name.equals(ROOT) ? "plan a root rotation" : "renew it (an 'intermediateRenewalDays' window) or"
                        + " raise 'intermediateValidityDays'"));
            }
        });
        return warnings;
    }

    private static String describe(Duration left) {
        return left.toDays() >= 1 ? left.toDays() + (left.toDays() == 1 ? " day" : " days") : left.toHours() + " hours";
    }
}
