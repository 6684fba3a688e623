package io.istiomc.config;

/**
 * One thing wrong with the stack configuration.
 *
 * @param key     the full key path, e.g. {@code istio-multicluster:clusters[1].network}
 * @param message the rule broken and how to fix it
 */
public record ConfigProblem(String key, String message) {
    @Override
    public String toString() {
        return key + ": " + message;
    }
}
