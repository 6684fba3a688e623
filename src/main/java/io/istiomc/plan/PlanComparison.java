package io.istiomc.plan;

import io.istiomc.components.RegisteredNames;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code pulumi up} would do to a stack deployed from one stack file when it is given another:
 * both files planned offline, their custom resources matched by URN, and the steps Pulumi's engine
 * would take, in order.
 *
 * <p>The order follows pulumi/pulumi's {@code pkg/resource/deploy} ({@code step_generator.go}):
 * a resource is created, updated or replaced as soon as everything it waits for is done (its
 * dependencies and its provider, {@link Dependencies}), so a change lands in wave n when the changes
 * it waits for, directly or through resources that do not change, fill waves 1..n-1. A
 * replacement is create-before-delete (the engine's default, and pulumi-kubernetes asks for
 * delete-before-replace only when the object keeps its name and namespace, which none of the
 * replacements found here does): the new copy comes in its wave. Deletes, of removed resources and
 * of replaced ones' old copies, are generated only after every create and update has finished
 * ({@code GenerateDeletes}) and run in reverse dependency order ({@code ScheduleDeletes}): a resource
 * goes once everything that waited for it has gone.
 *
 * <p>Replacements found: every resource of a cluster whose provider {@link ProviderReplacement}
 * replaces (the engine's {@code providerChanged}), and a Kubernetes object whose
 * {@code metadata.name} or {@code metadata.namespace} changes (pulumi-kubernetes' {@code forceNew}
 * paths include them, {@code provider/pkg/provider/diff.go}). The kind-specific replace-on-change
 * fields of pulumi-kubernetes (a Deployment's selector, a Service's {@code clusterIP}, ...) are not
 * predicted: the mocks do not diff, and the mesh changes none of them in place.
 *
 * @param before    the plan of the stack file deployed now
 * @param after     the plan of the stack file to deploy
 * @param changes   every step, creates and updates by wave, then deletes by delete wave
 * @param warnings  what every reader of a preview must see: providers replaced, or that could not be judged
 * @param unchanged how many custom resources stay as they are
 */
public record PlanComparison(Plan before, Plan after, List<Change> changes, List<Warning> warnings, int unchanged) {

    /** What Pulumi does to one resource. */
    public enum Action {
        CREATE("+", "create"), UPDATE("~", "update"), REPLACE("+-", "replace"), DELETE("-", "delete");

        private final String symbol;
        private final String word;

        Action(String symbol, String word) {
            this.symbol = symbol;
            this.word = word;
        }

        public String symbol() {
            return symbol;
        }

        public String word() {
            return word;
        }
    }

    /**
     * One step.
     *
     * @param action      what happens
     * @param resource    the resource as the new plan has it (as the old one has it for a delete)
     * @param cluster     the cluster it is in; empty for the CA's pulumi-tls resources
     * @param inputs      the inputs that change, each shown redacted (empty for a create or delete)
     * @param reason      why a replacement replaces; empty otherwise
     * @param wave        the wave of a create, update or replacement (1, 2, ...); 0 for a delete
     * @param deleteWave  the delete wave of a delete, or of a replaced resource's old copy; 0 otherwise
     */
    public record Change(Action action, RecordedResource resource, Optional<String> cluster, List<InputChange> inputs,
                         String reason, int wave, int deleteWave) {
    }

    /**
     * One changed input, as it may be printed: secrets are {@link Secret#REDACTED}.
     *
     * @param path   dotted path of the input ({@code values.global.tag})
     * @param before its value before, shown; {@code (none)} where there was none
     * @param after  its value after, shown
     */
    public record InputChange(String path, String before, String after) {
    }

    /**
     * A provider change every object of a cluster depends on.
     *
     * @param cluster  the cluster, by name
     * @param verdict  the provider rule's verdict
     * @param objects  how many resources use that provider
     * @param message  the warning, for people: names the cluster and the input, shows no secret
     */
    public record Warning(String cluster, ProviderReplacement.Verdict verdict, int objects, String message) {
    }

    /** Values longer than this are shown by length only. */
    static final int SHOWN_VALUE_LENGTH = 60;
    static final String NONE = "(none)";

    /** Compares, reading kubeconfig inputs as the provider does ({@link ProviderReplacement#readInput}). */
    public static PlanComparison of(Plan before, Plan after) {
        return of(before, after, ProviderReplacement::readInput);
    }

    public static PlanComparison of(Plan before, Plan after, ProviderReplacement.KubeconfigReader kubeconfigs) {
        var old = customByUrn(before);
        var now = customByUrn(after);

        // The providers first: a replaced provider replaces every resource on it.
        var providerVerdicts = new TreeMap<String, ProviderReplacement.Verdict>();
        now.values().stream().filter(RecordedResource::isProvider).filter(p -> old.containsKey(p.urn()))
                .forEach(p -> providerVerdicts.put(p.urn(), ProviderReplacement.of(old.get(p.urn()).inputs(), p.inputs(), kubeconfigs)));

        var steps = new LinkedHashMap<String, Change>();
        int unchanged = 0;
        for (var resource : now.values()) {
            var previous = old.get(resource.urn());
            var cluster = after.clusterOf(resource);
            if (previous == null) {
                steps.put(resource.urn(), new Change(Action.CREATE, resource, cluster, List.of(), "", 0, 0));
                continue;
            }
            var inputs = inputChanges(previous.inputs(), resource.inputs());
            var reason = replacementReason(previous, resource, providerVerdicts);
            if (reason.isPresent()) {
                steps.put(resource.urn(), new Change(Action.REPLACE, resource, cluster, inputs, reason.get(), 0, 0));
            } else if (!inputs.isEmpty()) {
                steps.put(resource.urn(), new Change(Action.UPDATE, resource, cluster, inputs, "", 0, 0));
            } else {
                unchanged++;
            }
        }
        for (var resource : old.values()) {
            if (!now.containsKey(resource.urn())) {
                steps.put(resource.urn(), new Change(Action.DELETE, resource, before.clusterOf(resource), List.of(), "", 0, 0));
            }
        }

        var waves = waves(after, steps);
        var deleteWaves = deleteWaves(before, steps);
        var changes = steps.values().stream()
                .map(c -> new Change(c.action(), c.resource(), c.cluster(), c.inputs(), c.reason(),
                        waves.getOrDefault(c.resource().urn(), 0), deleteWaves.getOrDefault(c.resource().urn(), 0)))
                .sorted(Comparator.comparingInt((Change c) -> c.action() == Action.DELETE ? 1 : 0)
                        .thenComparingInt(c -> c.action() == Action.DELETE ? c.deleteWave() : c.wave())
                        .thenComparing(c -> c.cluster().orElse("\uffff"))
                        .thenComparing(c -> c.resource().urn()))
                .toList();
        return new PlanComparison(before, after, changes, warnings(old, after, providerVerdicts), unchanged);
    }

    /** The steps of one action. */
    public List<Change> changes(Action action) {
        return changes.stream().filter(c -> c.action() == action).toList();
    }

    /** How many waves of creates, updates and replacements there are. */
    public int waveCount() {
        return changes.stream().mapToInt(Change::wave).max().orElse(0);
    }

    /** How many delete waves there are. */
    public int deleteWaveCount() {
        return changes.stream().mapToInt(Change::deleteWave).max().orElse(0);
    }

    /** The step of a resource by type and name, if it changes. */
    public Optional<Change> change(String type, String name) {
        return changes.stream().filter(c -> c.resource().type().equals(type) && c.resource().name().equals(name)).findFirst();
    }

    private static Map<String, RecordedResource> customByUrn(Plan plan) {
        var result = new TreeMap<String, RecordedResource>();
        plan.resources().stream().filter(RecordedResource::custom).forEach(r -> result.put(r.urn(), r));
        return result;
    }

    private static Optional<String> replacementReason(RecordedResource before, RecordedResource after,
                                                      Map<String, ProviderReplacement.Verdict> providers) {
        var verdict = providers.get(after.urn());
        if (verdict != null && verdict.outcome() == ProviderReplacement.Outcome.REPLACED) {
            return Optional.of("the provider's " + String.join(", ", verdict.replacing()) + " changed and leads elsewhere");
        }
        var provider = after.providerUrn();
        if (!provider.equals(before.providerUrn())) {
            return Optional.of("it moves to another provider");
        }
        var providerVerdict = provider.map(providers::get);
        if (providerVerdict.isPresent() && providerVerdict.get().outcome() == ProviderReplacement.Outcome.REPLACED) {
            return Optional.of("its cluster's provider is replaced");
        }
        if (after.isKubernetes() && !after.type().equals(RegisteredNames.RELEASE) && !after.type().endsWith("Patch")) {
            for (var key : List.of("metadata.name", "metadata.namespace")) {
                if (!Objects.equals(before.input(key), after.input(key))) {
                    return Optional.of(key + " changes: pulumi-kubernetes creates the renamed object, then deletes the old one");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Wave n: every change whose changed dependencies are all in waves before n, also through
     * resources that do not change: the program registers a resource only once everything it waits
     * for is done, so an unchanged resource passes on the wave of what it waits for.
     */
    private static Map<String, Integer> waves(Plan after, Map<String, Change> steps) {
        // The wave a resource completes in: its own for a change, that of what it waits for otherwise (0: nothing changes before it).
        var changed = steps.values().stream().filter(step -> step.action() != Action.DELETE).map(step -> step.resource().urn()).toList();
        return Dependencies.<Integer>fold(changed, Dependencies.waitsFor(after.resources()), (urn, before) -> {
            int wave = before.stream().mapToInt(Integer::intValue).max().orElse(0);
            var step = steps.get(urn);
            return step != null && step.action() != Action.DELETE ? wave + 1 : wave;
        });
    }

    /**
     * Delete wave n: every condemned resource (deleted, or the old copy of a replaced one) whose
     * condemned dependents, in the old plan's graph, are all in delete waves before n.
     */
    private static Map<String, Integer> deleteWaves(Plan before, Map<String, Change> steps) {
        var condemned = new TreeSet<String>();
        steps.values().stream().filter(c -> c.action() == Action.DELETE || c.action() == Action.REPLACE)
                .map(c -> c.resource().urn()).forEach(condemned::add);
        var waitsFor = Dependencies.waitsFor(before.resources());
        var dependents = new HashMap<String, List<String>>();
        waitsFor.forEach((urn, deps) -> {
            if (condemned.contains(urn)) {
                deps.stream().filter(condemned::contains).forEach(d -> dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(urn));
            }
        });
        // One after the last of its condemned dependents.
        return Dependencies.<Integer>fold(condemned, dependents,
                (urn, after) -> after.stream().mapToInt(w -> w + 1).max().orElse(1));
    }

    private static List<Warning> warnings(Map<String, RecordedResource> old, Plan after,
                                          Map<String, ProviderReplacement.Verdict> verdicts) {
        var warnings = new ArrayList<Warning>();
        verdicts.forEach((urn, verdict) -> {
            var provider = after.byUrn(urn).orElseThrow();
            var cluster = after.clusterOf(provider).orElse(provider.name());
            int objects = (int) after.resources().stream().filter(r -> r.providerUrn().filter(urn::equals).isPresent()).count();
            var previous = old.get(urn);
            var inputs = verdict.changed().stream().map(k -> describeInput(k, previous, provider)).toList();
            switch (verdict.outcome()) {
                case REPLACED -> warnings.add(new Warning(cluster, verdict, objects, "cluster " + cluster
                        + ": its Kubernetes provider would be REPLACED (" + String.join(", ", verdict.replacing())
                        + " changed: " + String.join("; ", inputs) + "; " + verdict.detail() + "), and with it every one of its "
                        + objects + " objects: each is created again through the new provider, and the old ones are deleted after"
                        + " every create and update (pulumi-kubernetes DiffConfig, pulumi-kubernetes#4019)"));
                case UNKNOWN -> warnings.add(new Warning(cluster, verdict, objects, "cluster " + cluster
                        + ": whether its Kubernetes provider, and its " + objects + " objects, would be replaced cannot be told offline ("
                        + String.join("; ", inputs) + "): " + verdict.detail()));
                case UPDATED -> {
                    if (verdict.changed().contains(ProviderReplacement.CONTEXT) && !provider.inputs().containsKey(ProviderReplacement.KUBECONFIG)) {
                        warnings.add(new Warning(cluster, verdict, objects, "cluster " + cluster + ": " + String.join("; ", inputs)
                                + " without a kubeconfig key: the provider is only updated (" + verdict.detail()
                                + "), so none of its " + objects + " objects is replaced or moved; if the new context is another"
                                + " cluster, Pulumi's state still describes the objects of the old one"));
                    }
                }
                case UNCHANGED -> {
                }
                default -> throw new IllegalStateException("unsupported provider outcome " + verdict.outcome());
            }
        });
        return warnings;
    }

    /** A changed input of a provider as a warning may name it, old and new: a kubeconfig's content is never shown. */
    private static String describeInput(String key, RecordedResource before, RecordedResource after) {
        return key + " " + describeValue(key, before.inputs().get(key)) + " -> " + describeValue(key, after.inputs().get(key));
    }

    private static String describeValue(String key, Object value) {
        if (value == null) {
            return NONE;
        }
        if (value instanceof Secret) {
            return key.equals(ProviderReplacement.KUBECONFIG) ? "(content " + Secret.REDACTED + ")" : Secret.REDACTED;
        }
        var text = "'" + io.istiomc.config.Printable.escape(String.valueOf(value)) + "'";
        return key.equals(ProviderReplacement.KUBECONFIG) ? "(file " + text + ")" : text;
    }

    /** The changed inputs, by dotted path; maps are compared key by key, anything else as a whole. */
    static List<InputChange> inputChanges(Map<String, Object> before, Map<String, Object> after) {
        var result = new ArrayList<InputChange>();
        diff("", before, after, result);
        return result;
    }

    private static void diff(String path, Object before, Object after, List<InputChange> result) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before instanceof Map<?, ?> a && after instanceof Map<?, ?> b) {
            var keys = new TreeSet<String>();
            a.keySet().forEach(k -> keys.add(String.valueOf(k)));
            b.keySet().forEach(k -> keys.add(String.valueOf(k)));
            for (var key : keys) {
                diff(path.isEmpty() ? key : path + "." + key, a.get(key), b.get(key), result);
            }
            return;
        }
        result.add(new InputChange(path, shown(before), shown(after)));
    }

    /** A value as a comparison shows it: secrets redacted, long values by length, control characters escaped. */
    static String shown(Object value) {
        if (value == null) {
            return NONE;
        }
        if (value instanceof Secret) {
            return Secret.REDACTED;
        }
        var redacted = Redaction.redact(value);
        String text;
        try {
            text = redacted instanceof String s ? '"' + s + '"'
                    : new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(redacted);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            text = String.valueOf(redacted);
        }
        if (text.length() > SHOWN_VALUE_LENGTH || text.contains("\n")) {
            return "(" + text.length() + " characters" + (text.contains(Secret.REDACTED) ? ", with secrets" : "") + ")";
        }
        return io.istiomc.config.Printable.escape(text);
    }
}
