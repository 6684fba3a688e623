package io.istiomc.components;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The known name a typo most likely meant, for the "did you mean" hints of every check. */
public final class Nearest {
    private Nearest() {
    }

    /** The candidate fewest edits away from {@code written}, ignoring case, if at most {@code maxDistance}; the first on a tie. */
    public static Optional<String> to(String written, List<String> candidates, int maxDistance) {
        String best = null;
        int bestDistance = maxDistance + 1;
        var lower = written.toLowerCase(Locale.ROOT);
        for (var candidate : candidates) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        var previous = new int[b.length() + 1];
        var current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
