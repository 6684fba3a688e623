package io.istiomc.plan;

import io.istiomc.components.MeshTopology;
import io.istiomc.components.RegisteredNames;
import io.istiomc.config.Printable;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A {@link PlanComparison} for people: the counts, the warnings, what changes in each cluster (Helm
 * releases by name, other resources counted), then every step by wave, each cluster's steps
 * together, and the deletes by delete wave. Inputs are shown as {@link PlanComparison.InputChange}
 * has them: secrets never.
 */
public final class ComparisonText {
    static final String NO_CLUSTER = "not in a cluster (the CA's pulumi-tls resources, in Pulumi state)";

    private ComparisonText() {
    }

    /**
     * @param beforeFile how to name the stack file deployed now
     * @param afterFile  how to name the stack file to deploy
     */
    public static String write(PlanComparison comparison, String beforeFile, String afterFile) {
        var out = new StringBuilder();
        out.append("Comparison of stack '").append(comparison.after().stack()).append("': ")
                .append(Printable.escape(afterFile)).append(" against ").append(Printable.escape(beforeFile))
                .append(" (deployed). Offline: both planned, no cluster contacted.\n");
        out.append("  ").append(count(comparison, PlanComparison.Action.CREATE)).append(" to create, ")
                .append(count(comparison, PlanComparison.Action.UPDATE)).append(" to update, ")
                .append(count(comparison, PlanComparison.Action.REPLACE)).append(" to replace, ")
                .append(count(comparison, PlanComparison.Action.DELETE)).append(" to delete; ")
                .append(comparison.unchanged()).append(" unchanged. ")
                .append(comparison.waveCount()).append(comparison.waveCount() == 1 ? " wave" : " waves").append(", then ")
                .append(comparison.deleteWaveCount()).append(comparison.deleteWaveCount() == 1 ? " delete wave" : " delete waves")
                .append(".\n");

        if (!comparison.warnings().isEmpty()) {
            out.append("\nWarnings\n");
            comparison.warnings().forEach(w -> out.append("  ").append(w.message()).append("\n"));
        }

        var clusters = clusterLabels(comparison);
        out.append("\nBy cluster\n");
        clusters.forEach((cluster, label) -> {
            var steps = comparison.changes().stream().filter(c -> c.cluster().equals(cluster)).toList();
            out.append("  ").append(label).append(steps.isEmpty() ? ": no change" : "").append("\n");
            if (steps.isEmpty()) {
                return;
            }
            var releases = steps.stream().filter(c -> c.resource().type().equals(RegisteredNames.RELEASE)).toList();
            if (!releases.isEmpty()) {
                out.append("    Helm releases: ").append(releases.stream()
                        .map(c -> c.action().word() + " " + c.resource().input("name").orElse(c.resource().name()))
                        .collect(Collectors.joining(", "))).append("\n");
            }
            var others = steps.stream().filter(c -> !c.resource().type().equals(RegisteredNames.RELEASE)).toList();
            if (!others.isEmpty()) {
                var counts = new LinkedHashMap<String, Integer>();
                for (var action : PlanComparison.Action.values()) {
                    int n = (int) others.stream().filter(c -> c.action() == action).count();
                    if (n > 0) {
                        counts.put(action.word(), n);
                    }
                }
                out.append("    other resources: ").append(counts.entrySet().stream().map(e -> e.getValue() + " to " + e.getKey())
                        .collect(Collectors.joining(", "))).append("\n");
            }
        });

        out.append("\nWaves: Pulumi creates, updates and replaces a resource once everything it waits for (its dependencies"
                + " and its provider) is done; a wave waits only for the changes of the waves before it.\n");
        for (int wave = 1; wave <= comparison.waveCount(); wave++) {
            int n = wave;
            out.append("Wave ").append(wave).append("\n");
            steps(comparison.changes().stream().filter(c -> c.action() != PlanComparison.Action.DELETE && c.wave() == n).toList(),
                    clusters, null, out);
        }
        out.append("\nDeletes, after every wave above, in reverse dependency order (a resource goes once everything that"
                + " waited for it has gone): removed resources, and the old copies of replaced ones.\n");
        if (comparison.deleteWaveCount() == 0) {
            out.append("  nothing to delete\n");
        }
        for (int wave = 1; wave <= comparison.deleteWaveCount(); wave++) {
            int n = wave;
            out.append("Delete wave ").append(wave).append("\n");
            steps(comparison.changes().stream().filter(c -> (c.action() == PlanComparison.Action.DELETE
                    || c.action() == PlanComparison.Action.REPLACE) && c.deleteWave() == n).toList(), clusters,
                    comparison.before(), out);
        }
        return out.toString();
    }

    /** Every cluster of either plan, by name, with how a heading shows it: the new plan's first, then removed ones, then no cluster. */
    static Map<Optional<String>, String> clusterLabels(PlanComparison comparison) {
        var labels = new LinkedHashMap<Optional<String>, String>();
        Function<Plan, MeshTopology> topology = Plan::topology;
        for (var plan : List.of(comparison.after(), comparison.before())) {
            var mesh = topology.apply(plan);
            for (var cluster : mesh.clusters()) {
                labels.putIfAbsent(Optional.of(cluster.name()), cluster.name() + " (" + cluster.roleName()
                        + mesh.controlPlaneOf(cluster).map(p -> " of " + p).orElse("") + ", context "
                        + Printable.escape(cluster.context()) + (plan == comparison.before() ? "; removed" : "") + ")");
            }
        }
        labels.put(Optional.empty(), NO_CLUSTER);
        return labels;
    }

    /** The steps of one wave by cluster; {@code deletedFrom} is the old plan for a delete wave, whose copies go. */
    private static void steps(List<PlanComparison.Change> steps, Map<Optional<String>, String> clusters, Plan deletedFrom,
                              StringBuilder out) {
        boolean deleting = deletedFrom != null;
        for (var cluster : new LinkedHashSet<>(clusters.keySet())) {
            var mine = steps.stream().filter(c -> c.cluster().equals(cluster))
                    .sorted(Comparator.comparing((PlanComparison.Change c) -> !c.resource().type().equals(RegisteredNames.RELEASE))
                            .thenComparing(c -> c.resource().type()).thenComparing(c -> c.resource().name()))
                    .toList();
            if (mine.isEmpty()) {
                continue;
            }
            out.append("  ").append(cluster.orElse(NO_CLUSTER)).append("\n");
            for (var change : mine) {
                var symbol = deleting ? "-" : change.action().symbol();
                // A replaced resource's old copy goes under its old name.
                var shown = deleting ? deletedFrom.byUrn(change.resource().urn()).orElse(change.resource()) : change.resource();
                out.append("    ").append(symbol).append(" ").append(describe(shown));
                if (deleting && change.action() == PlanComparison.Action.REPLACE) {
                    out.append(" (the replaced copy)");
                }
                if (!deleting && change.action() == PlanComparison.Action.REPLACE) {
                    out.append(" (replaced: ").append(change.reason()).append(")");
                }
                out.append("\n");
                if (!deleting) {
                    for (var input : change.inputs()) {
                        out.append("        ").append(Printable.escape(input.path())).append(": ").append(input.before())
                                .append(" -> ").append(input.after()).append("\n");
                    }
                }
            }
        }
    }

    /** A resource as a line shows it: a Kubernetes object by kind and {@code namespace/name}, anything else by type and name. */
    static String describe(RecordedResource resource) {
        if (resource.isKubernetes()) {
            var kind = resource.type().substring(resource.type().lastIndexOf(':') + 1);
            return kind + " " + Printable.escape(PlanText.objectName(resource)) + " [" + resource.name() + "]";
        }
        return resource.type() + " " + resource.name();
    }

    private static int count(PlanComparison comparison, PlanComparison.Action action) {
        return comparison.changes(action).size();
    }
}
