package io.istiomc.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The value keys each Istio chart of the pinned version declares, read from the chart's own files
 * (shipped in this library's resources, see their {@code SOURCE.md}): {@code base} and {@code istiod}
 * from their {@code values.yaml} (its {@code _internal_defaults_do_not_set} map, which the charts'
 * {@code zzz_profile.yaml} merges the user's top-level values over), {@code gateway} from its
 * {@code values.schema.json}. Helm ignores a values.yaml chart's unknown keys silently, so a typo
 * would install the defaults; this check refuses it, naming the nearest known key.
 *
 * <p>Free-form maps accept any key below them: in a values.yaml an empty map ({@code {}}) or a null
 * default (e.g. {@code env}, {@code podAnnotations}, {@code nodeSelector}), a list (its items are the
 * user's), the maps in {@link #FREE_FORM} (non-empty defaults that are still open, e.g. {@code meshConfig}),
 * and the keys in {@link #READ_BY_TEMPLATES}; in the schema, any object that declares no
 * {@code properties}.
 */
public final class ChartValueKeys {
    /** The Istio version whose charts the keys come from. */
    public static final String PINNED_VERSION = "1.30.3";

    private static final String RESOURCES = "/io/istiomc/components/charts/" + PINNED_VERSION + "/";

    /**
     * Maps whose defaults list some keys but that take any: MeshConfig (Istio's API, far larger than
     * the chart's one default), Kubernetes resource requirements (limits, ephemeral storage) and
     * annotations.
     */
    private static final Map<String, Set<String>> FREE_FORM = Map.of(
            "istiod", Set.of("meshConfig", "resources", "global.defaultResources", "global.proxy.resources",
                    "global.waypoint.resources"),
            "gateway", Set.of("podAnnotations", "resources.limits", "resources.requests"));

    /**
     * Keys a chart's templates read although its values.yaml leaves them out, by chart, each with the
     * template that reads it (the program's {@code contract.HelmValuesContractTest} checks each against
     * the chart package). The istiod chart's validation webhook takes {@code base.validationURL}
     * ("Should change from base but cannot for API compat", its comment says); {@code profile} and
     * {@code compatibilityVersion} are read by the charts' {@code zzz_profile.yaml}. Any key below
     * one of them is accepted.
     */
    public static final Map<String, Map<String, String>> READ_BY_TEMPLATES = Map.of(
            "base", Map.of(
                    "profile", "base/templates/zzz_profile.yaml",
                    "compatibilityVersion", "base/templates/zzz_profile.yaml",
                    "base.validationFailurePolicy", "base/templates/defaultrevision-validatingwebhookconfiguration.yaml"),
            "istiod", Map.ofEntries(
                    Map.entry("profile", "istiod/templates/zzz_profile.yaml"),
                    Map.entry("compatibilityVersion", "istiod/templates/zzz_profile.yaml"),
                    Map.entry("platform", "istiod/templates/deployment.yaml"),
                    Map.entry("global.platform", "istiod/templates/deployment.yaml"),
                    Map.entry("base.validationURL", "istiod/templates/validatingwebhookconfiguration.yaml"),
                    Map.entry("base.validationCABundle", "istiod/templates/validatingwebhookconfiguration.yaml"),
                    Map.entry("base.validationFailurePolicy", "istiod/templates/validatingwebhookconfiguration.yaml"),
                    Map.entry("pdb.maxUnavailable", "istiod/templates/poddisruptionbudget.yaml"),
                    Map.entry("trafficDistribution", "istiod/templates/service.yaml"),
                    Map.entry("crlConfigMapName", "istiod/templates/deployment.yaml"),
                    Map.entry("global.trustBundleName", "istiod/templates/deployment.yaml"),
                    Map.entry("global.ipFamilies", "istiod/templates/remote-istiod-service.yaml"),
                    Map.entry("global.ipFamilyPolicy", "istiod/templates/remote-istiod-service.yaml"),
                    Map.entry("global.tracer", "istiod/templates/configmap.yaml")));

    /** Hints are at most this many edits away from what was written (ignoring case). */
    private static final int HINT_DISTANCE = 2;

    private static final Map<String, ChartValueKeys> CHARTS = load();

    private final String chart;
    private final Node root;
    /** Every known path, in the files' order: the candidates of a hint. */
    private final List<String> paths = new ArrayList<>();

    private ChartValueKeys(String chart, Node root) {
        this.chart = chart;
        this.root = root;
        collect("", root);
    }

    /** The known keys of one chart: {@code base}, {@code istiod} or {@code gateway}. */
    public static ChartValueKeys of(String chart) {
        var keys = CHARTS.get(chart);
        if (keys == null) {
            throw new IllegalArgumentException("unsupported chart '" + chart + "'; the mesh installs " + IstioValues.charts());
        }
        return keys;
    }

    /**
     * One problem for every value whose key the chart does not have, its property the value's dotted
     * path, e.g. {@code pilot.replicaCountt}: {@code istiod 1.30.3 has no value 'pilot.replicaCountt'
     * (did you mean 'replicaCount'?)}.
     */
    public List<Problem> check(Map<String, ?> values) {
        var problems = new ArrayList<Problem>();
        HelmValues.forEachLeaf(values, (path, value) -> {
            if (!accepts(path)) {
                problems.add(new Problem(path, chart + " " + PINNED_VERSION + " has no value '" + path + "'"
                        + hint(path).map(h -> " (did you mean '" + h + "'?)").orElse("")));
            }
        });
        return problems;
    }

    /** Whether the chart takes a value at this dotted path. */
    public boolean accepts(String path) {
        var node = root;
        for (var segment : path.split("\\.", -1)) {
            if (node.freeForm) {
                return true;
            }
            node = node.children.get(segment);
            if (node == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The known key a path most likely meant: the path with leading keys dropped where the chart takes
     * that (Istio's older {@code pilot.} prefix, now top-level), else the known path nearest to it or to
     * one of those tails, at most {@link #HINT_DISTANCE} edits away.
     */
    Optional<String> hint(String path) {
        var segments = path.split("\\.", -1);
        for (int drop = 0; drop < segments.length; drop++) {
            var tail = String.join(".", List.of(segments).subList(drop, segments.length));
            if (drop > 0 && accepts(tail)) {
                return Optional.of(tail);
            }
            var nearest = nearest(tail);
            if (nearest.isPresent()) {
                return nearest;
            }
        }
        return Optional.empty();
    }

    private Optional<String> nearest(String written) {
        // Only paths of as many keys: a hint replaces a typo, it does not move a value elsewhere.
        long depth = written.chars().filter(c -> c == '.').count();
        return Nearest.to(written, paths.stream().filter(p -> p.chars().filter(c -> c == '.').count() == depth).toList(),
                HINT_DISTANCE);
    }

    private void collect(String prefix, Node node) {
        node.children.forEach((key, child) -> {
            paths.add(prefix + key);
            collect(prefix + key + ".", child);
        });
    }

    /** A key of the chart: its known children, or none known and any accepted ({@code freeForm}). */
    private static final class Node {
        final Map<String, Node> children = new LinkedHashMap<>();
        boolean freeForm;

        Node child(String key) {
            return children.computeIfAbsent(key, k -> new Node());
        }

        Node at(String path) {
            var node = this;
            for (var segment : path.split("\\.")) {
                node = node.child(segment);
            }
            return node;
        }
    }

    private static Map<String, ChartValueKeys> load() {
        var charts = new LinkedHashMap<String, ChartValueKeys>();
        for (var chart : List.of("base", "istiod")) {
            var root = new Node();
            fromDefaults(root, read(new YAMLMapper(), chart + "--values.yaml").path("_internal_defaults_do_not_set"));
            charts.put(chart, new ChartValueKeys(chart, withAllowances(chart, root)));
        }
        var schema = read(new ObjectMapper(), "gateway--values.schema.json");
        var root = new Node();
        fromSchema(root, schema.path("$defs").path("values"));
        charts.put("gateway", new ChartValueKeys("gateway", withAllowances("gateway", root)));
        return Map.copyOf(charts);
    }

    private static Node withAllowances(String chart, Node root) {
        FREE_FORM.getOrDefault(chart, Set.of()).forEach(path -> markFreeForm(root.at(path)));
        READ_BY_TEMPLATES.getOrDefault(chart, Map.of()).keySet().forEach(path -> markFreeForm(root.at(path)));
        return root;
    }

    private static void markFreeForm(Node node) {
        node.children.clear();
        node.freeForm = true;
    }

    private static void fromDefaults(Node node, JsonNode defaults) {
        defaults.fields().forEachRemaining(field -> {
            var child = node.child(field.getKey());
            var value = field.getValue();
            if (value.isObject() && !value.isEmpty()) {
                fromDefaults(child, value);
            } else {
                // {}, null, a list or a scalar: the chart says nothing about keys below it.
                child.freeForm = true;
            }
        });
    }

    private static void fromSchema(Node node, JsonNode schema) {
        schema.path("properties").fields().forEachRemaining(field -> {
            var child = node.child(field.getKey());
            if (field.getValue().has("properties")) {
                fromSchema(child, field.getValue());
            } else {
                child.freeForm = true;
            }
        });
    }

    private static JsonNode read(ObjectMapper mapper, String file) {
        try (InputStream in = ChartValueKeys.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalStateException("the library's resources have no " + RESOURCES + file);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
