package io.istiomc.plan;

import io.istiomc.config.RawConfig;
import io.istiomc.program.Kubeconfigs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Whether new inputs of a cluster's Kubernetes provider replace it, and so every object it manages,
 * by pulumi-kubernetes' own rule: {@code DiffConfig} in {@code provider/pkg/provider/provider.go}
 * (read at main of July 2026), which the engine asks before it diffs any resource of that provider
 * ({@code providerChanged} in pulumi/pulumi's {@code pkg/resource/deploy/step_generator.go}: a
 * replacement there makes the engine replace every resource that uses the provider).
 *
 * <p>The rule, as {@code DiffConfig} has it: no changed input, no diff. A changed
 * {@code clusterIdentifier} replaces; an unchanged one that is set keeps the provider whatever else
 * changed. A changed {@code renderYamlToDirectory} replaces. Otherwise each changed input is an
 * update, and {@code kubeconfig}, {@code context} and {@code cluster}, where they changed, replace
 * when the old and the new kubeconfig inputs both lead to an active cluster entry (the entry of the
 * {@code context} input's cluster, or of {@code cluster}) and the two entries differ in any field:
 * server, CA data, {@code tls-server-name}, even an added {@code proxy-url} (pulumi-kubernetes#4019,
 * closed as won't fix). Without a {@code kubeconfig} input (the ambient {@code $KUBECONFIG}) the
 * provider parses no kubeconfig at all, so no change of context replaces it. The rule's other case,
 * an input unknown at preview, cannot occur offline: the stack config is known.
 */
public final class ProviderReplacement {
    static final String KUBECONFIG = "kubeconfig";
    static final String CONTEXT = "context";
    static final String CLUSTER = "cluster";
    static final String CLUSTER_IDENTIFIER = "clusterIdentifier";
    static final String RENDER_YAML = "renderYamlToDirectory";

    private ProviderReplacement() {
    }

    /** What the new inputs do to the provider. */
    public enum Outcome {
        /** No input changed. */
        UNCHANGED,
        /** Some inputs changed; the provider and every object it manages stay. */
        UPDATED,
        /** The provider, and every object it manages, is replaced. */
        REPLACED,
        /** A kubeconfig the rule needs cannot be read here (encrypted in the stack file, or missing). */
        UNKNOWN
    }

    /**
     * The verdict.
     *
     * @param outcome   what happens to the provider
     * @param changed   the inputs that changed, sorted
     * @param replacing the inputs that make it a replacement (empty unless {@link Outcome#REPLACED})
     * @param detail    why, for people: which fields of the active cluster entry differ, or what could
     *                  not be read; never a value of a kubeconfig
     */
    public record Verdict(Outcome outcome, List<String> changed, List<String> replacing, String detail) {
    }

    /** How the provider reads a {@code kubeconfig} input: a file's path, or the content. */
    @FunctionalInterface
    public interface KubeconfigReader {
        /** The kubeconfig the input holds or names. */
        Kubeconfigs.Kubeconfig read(Object input) throws IOException;
    }

    /**
     * The reader the provider is: a plain string is a file's path (the provider reads it when it
     * diffs, as {@code parseKubeconfigString} does, so both old and new paths are read now); a secret
     * is the content. Content encrypted in the stack file cannot be read offline.
     */
    public static Kubeconfigs.Kubeconfig readInput(Object input) throws IOException {
        if (input instanceof Secret secret) {
            var content = String.valueOf(secret.value());
            if (content.equals(RawConfig.ENCRYPTED)) {
                throw new IOException("the kubeconfig is encrypted in the stack file and is not decrypted offline");
            }
            return Kubeconfigs.parse(content, "the inline kubeconfig");
        }
        return Kubeconfigs.readFile(Path.of(String.valueOf(input)), "the kubeconfig file");
    }

    /** The verdict for a provider whose inputs go from {@code before} to {@code after}. */
    public static Verdict of(Map<String, Object> before, Map<String, Object> after, KubeconfigReader reader) {
        var keys = new TreeSet<String>(before.keySet());
        keys.addAll(after.keySet());
        var changed = keys.stream().filter(k -> !Objects.equals(before.get(k), after.get(k))).toList();
        if (changed.isEmpty()) {
            return new Verdict(Outcome.UNCHANGED, changed, List.of(), "");
        }
        if (before.containsKey(CLUSTER_IDENTIFIER) && after.containsKey(CLUSTER_IDENTIFIER)
                && changed.contains(CLUSTER_IDENTIFIER)) {
            return new Verdict(Outcome.REPLACED, changed, List.of(CLUSTER_IDENTIFIER), "clusterIdentifier changed");
        }
        if (after.containsKey(CLUSTER_IDENTIFIER) && !changed.contains(CLUSTER_IDENTIFIER)) {
            return new Verdict(Outcome.UPDATED, changed, List.of(), "clusterIdentifier is set and unchanged");
        }
        var replacing = new ArrayList<String>();
        var details = new ArrayList<String>();
        if (changed.contains(RENDER_YAML)) {
            replacing.add(RENDER_YAML);
            details.add("renderYamlToDirectory changed");
        }
        var connection = changed.stream().filter(k -> k.equals(KUBECONFIG) || k.equals(CONTEXT) || k.equals(CLUSTER)).toList();
        if (!connection.isEmpty()) {
            Optional<Map<String, Object>> oldEntry;
            Optional<Map<String, Object>> newEntry;
            try {
                oldEntry = activeCluster(before, reader);
                newEntry = activeCluster(after, reader);
            } catch (IOException e) {
                return new Verdict(Outcome.UNKNOWN, changed, List.of(), io.istiomc.config.Printable.escape(
                        String.valueOf(e.getMessage())));
            }
            if (oldEntry.isPresent() && newEntry.isPresent() && !oldEntry.get().equals(newEntry.get())) {
                replacing.addAll(connection);
                details.add("the active cluster entry differs in " + String.join(", ", differingFields(oldEntry.get(), newEntry.get())));
            } else if (oldEntry.isEmpty() || newEntry.isEmpty()) {
                details.add(before.containsKey(KUBECONFIG) && after.containsKey(KUBECONFIG)
                        ? "a context or cluster the kubeconfig input lacks leads to no cluster entry to compare"
                        : "without a kubeconfig input on both sides the provider compares no cluster entries");
            }
        }
        return replacing.isEmpty() ? new Verdict(Outcome.UPDATED, changed, List.of(), String.join("; ", details))
                : new Verdict(Outcome.REPLACED, changed, List.copyOf(replacing), String.join("; ", details));
    }

    /**
     * The active cluster entry of a provider's inputs, as {@code getActiveClusterFromConfig} finds it:
     * the {@code context} input (else the kubeconfig's current context) names a context, whose
     * cluster (or the {@code cluster} input) names the entry. Empty without a kubeconfig input, or
     * where a name leads nowhere.
     */
    static Optional<Map<String, Object>> activeCluster(Map<String, Object> inputs, KubeconfigReader reader) throws IOException {
        var input = inputs.get(KUBECONFIG);
        if (input == null) {
            return Optional.empty();
        }
        var kubeconfig = reader.read(input);
        if (kubeconfig.clusters().isEmpty()) {
            return Optional.empty();
        }
        var contextName = Optional.ofNullable(inputs.get(CONTEXT)).map(String::valueOf).or(kubeconfig::currentContext);
        var context = contextName.map(kubeconfig.contexts()::get);
        if (context.isEmpty()) {
            return Optional.empty();
        }
        var clusterName = Optional.ofNullable(inputs.get(CLUSTER)).map(String::valueOf)
                .or(() -> Optional.ofNullable(context.get().get(CLUSTER)).map(String::valueOf));
        return clusterName.map(kubeconfig.clusters()::get);
    }

    /** The names of the fields in which two cluster entries differ, sorted (names only: values may be long or sensitive). */
    private static List<String> differingFields(Map<String, Object> a, Map<String, Object> b) {
        var fields = new TreeSet<>(a.keySet());
        fields.addAll(b.keySet());
        return fields.stream().filter(f -> !Objects.equals(a.get(f), b.get(f))).toList();
    }
}
