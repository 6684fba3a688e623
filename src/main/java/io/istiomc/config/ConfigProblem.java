package io.istiomc.config;

import io.istiomc.config.Printable;

/**
 * One thing wrong with the stack configuration.
 *
 * @param key     the full key path, e.g. {@code istio-multicluster:clusters[1].network}
 * @param message the rule broken and how to fix it
 */
public record ConfigProblem(String key, String message) {
    /** Both parts may quote the user's input: no control character or newline reaches a log through them. */
    public ConfigProblem {
        key = Printable.escape(key);
        message = Printable.escape(message);
    }

    @Override
    public String toString() {
        return key + ": " + message;
    }
}
