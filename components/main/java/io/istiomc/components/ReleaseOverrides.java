package io.istiomc.components;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a user adds to the Helm values of a cluster's Istio releases: values by chart, and the typed
 * settings nearly every production install sets (a registry mirror, its pull secrets, DNS proxying).
 * The values of a release are, each over the ones before (as Helm merges values files): the chart's
 * defaults, the user's values for the chart ({@link #values}), the typed settings, the mesh's own
 * values ({@link IstioValues}). The user may not set what the mesh sets ({@link OwnedValues}), so
 * the mesh's values win by construction.
 *
 * @param values           Helm values by chart ({@code base}, {@code istiod}, {@code gateway}); a
 *                         value under a key that looks like a credential becomes a Pulumi secret
 * @param hub              the image registry of istiod and of every proxy it injects ({@code global.hub})
 * @param tag              their image tag ({@code global.tag})
 * @param imagePullSecrets names of Secrets in {@code istio-system} that hold the registry's
 *                         credentials; they must exist before the releases install
 * @param dnsProxying      Istio's DNS proxying, which multicluster service names need to resolve
 *                         in a cluster that has no local Service of that name
 */
public record ReleaseOverrides(Map<String, Map<String, Object>> values, Optional<String> hub, Optional<String> tag,
                               Optional<List<String>> imagePullSecrets, Optional<Boolean> dnsProxying) {
    /**
     * The proxy metadata of Istio's DNS proxying, as istio.io's "DNS Proxying" page
     * (ops/configuration/traffic-management/dns-proxy) sets them in {@code meshConfig.defaultConfig}:
     * the sidecar answers DNS queries, and allocates addresses for ServiceEntries without any.
     */
    public static final String DNS_CAPTURE = "ISTIO_META_DNS_CAPTURE";
    public static final String DNS_AUTO_ALLOCATE = "ISTIO_META_DNS_AUTO_ALLOCATE";

    /** An image registry reference: a host (with an optional port) and an optional path, no tag. */
    private static final Pattern HUB = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*(:[0-9]{1,5})?(/[a-z0-9]+([._-][a-z0-9]+)*)*");
    /** An image tag, as the OCI distribution spec defines it. */
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    public ReleaseOverrides {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(hub, "hub");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(imagePullSecrets, "imagePullSecrets");
        Objects.requireNonNull(dnsProxying, "dnsProxying");
        var copy = new LinkedHashMap<String, Map<String, Object>>();
        values.forEach((chart, chartValues) -> copy.put(chart, HelmValues.copy(chartValues)));
        values = java.util.Collections.unmodifiableMap(copy);
        imagePullSecrets = imagePullSecrets.map(List::copyOf);
    }

    /** Nothing added: the releases get the mesh's values over the charts' defaults. */
    public static ReleaseOverrides none() {
        return new ReleaseOverrides(Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * These overrides over {@code lower} (a cluster's over the mesh's): values merge as Helm merges
     * values files; each typed setting given here replaces the lower one.
     */
    public ReleaseOverrides over(ReleaseOverrides lower) {
        var merged = new LinkedHashMap<String, Map<String, Object>>();
        for (var chart : IstioValues.charts()) {
            var values = HelmValues.merge(lower.values.getOrDefault(chart, Map.of()), this.values.getOrDefault(chart, Map.of()));
            if (!values.isEmpty()) {
                merged.put(chart, values);
            }
        }
        return new ReleaseOverrides(merged, hub.or(lower::hub), tag.or(lower::tag),
                imagePullSecrets.or(lower::imagePullSecrets), dnsProxying.or(lower::dnsProxying));
    }

    /**
     * The values of one chart's release: the user's values, the typed settings, then {@code meshValues}
     * (the mesh's own) on top. Values under credential-looking keys are Pulumi secrets.
     */
    public Map<String, Object> releaseValues(String chart, Map<String, ?> meshValues) {
        var user = HelmValues.withCredentialsAsSecrets(values.getOrDefault(chart, Map.of()));
        return HelmValues.mergeAll(user, typedValues(chart), meshValues);
    }

    /** The chart values the typed settings stand for, by chart as each chart spells them. */
    Map<String, Object> typedValues(String chart) {
        var values = new LinkedHashMap<String, Object>();
        var global = new LinkedHashMap<String, Object>();
        switch (chart) {
            case "base" -> imagePullSecrets.ifPresent(names -> global.put("imagePullSecrets", names));
            case "istiod" -> {
                // istiod's image and, through its injection templates, every proxy's (the gateways' too).
                hub.ifPresent(h -> global.put("hub", h));
                tag.ifPresent(t -> global.put("tag", t));
                // Names: the chart renders each as '- name: <it>' on istiod's ServiceAccount and injected pods.
                imagePullSecrets.ifPresent(names -> global.put("imagePullSecrets", names));
                if (dnsProxying.orElse(false)) {
                    var metadata = new LinkedHashMap<String, Object>();
                    metadata.put(DNS_CAPTURE, "true");
                    metadata.put(DNS_AUTO_ALLOCATE, "true");
                    values.put("meshConfig", Map.of("defaultConfig", Map.of("proxyMetadata", metadata)));
                }
            }
            // The gateway chart writes its own imagePullSecrets into the pod spec as given: a list of {name: ...}.
            case "gateway" -> imagePullSecrets.ifPresent(names ->
                    values.put("imagePullSecrets", names.stream().map(n -> Map.of("name", n)).toList()));
            default -> throw new IllegalArgumentException("unsupported chart '" + chart + "'");
        }
        if (!global.isEmpty()) {
            values.put("global", global);
        }
        return values;
    }

    /**
     * The rules for user values by chart (each a map of the chart's known keys, none the mesh's), the
     * property of each problem the value's path from the chart's name, e.g.
     * {@code istiod.pilot.replicaCountt}.
     */
    public static List<Problem> checkValues(Map<String, ?> valuesByChart) {
        var problems = new ArrayList<Problem>();
        valuesByChart.forEach((chart, chartValues) -> {
            if (!IstioValues.charts().contains(chart)) {
                problems.add(new Problem(chart, "is not a chart the mesh installs"
                        + Nearest.to(chart, IstioValues.charts(), 2).map(c -> "; did you mean '" + c + "'?").orElse("")
                        + " (charts: " + String.join(", ", IstioValues.charts()) + ")"));
            } else if (chartValues != null && !(chartValues instanceof Map<?, ?>)) {
                problems.add(new Problem(chart, "must be a map of the " + chart + " chart's Helm values"));
            } else if (chartValues != null) {
                var values = HelmValues.asValues((Map<?, ?>) chartValues);
                var owned = OwnedValues.check(chart, values);
                problems.addAll(Problem.under(chart + ".", owned));
                // A value the mesh owns is reported as that, not again as unknown.
                ChartValueKeys.of(chart).check(values).stream()
                        .filter(p -> owned.stream().noneMatch(o -> p.property().startsWith(o.property())))
                        .forEach(p -> problems.add(p.under(chart + ".")));
            }
        });
        return problems;
    }

    /**
     * Values by chart, as read from JSON or YAML, once {@link #checkValues} found no problem with them:
     * each chart's map with string keys; a chart given as null has none.
     */
    public static Map<String, Map<String, Object>> byChart(Map<String, ?> checked) {
        var byChart = new LinkedHashMap<String, Map<String, Object>>();
        checked.forEach((chart, chartValues) -> {
            if (chartValues instanceof Map<?, ?> map) {
                byChart.put(chart, HelmValues.asValues(map));
            }
        });
        return byChart;
    }

    /** The rules for the typed settings: an image registry, an image tag, Secret names. */
    public static List<Problem> checkTyped(Optional<String> hub, Optional<String> tag, Optional<List<String>> imagePullSecrets) {
        var problems = new ArrayList<Problem>();
        hub.filter(h -> !HUB.matcher(h).matches()).ifPresent(h -> problems.add(new Problem("hub",
                "must be an image registry and path without a tag or scheme, e.g. 'registry.example.com/istio' (got '" + h + "')")));
        tag.filter(t -> !TAG.matcher(t).matches()).ifPresent(t -> problems.add(new Problem("tag",
                "must be an image tag: letters, digits, '_', '.' and '-', at most 128 characters (got '" + t + "')")));
        imagePullSecrets.ifPresent(names -> {
            for (int i = 0; i < names.size(); i++) {
                if (!Dns1123.isHostName(names.get(i))) {
                    problems.add(new Problem("imagePullSecrets[" + i + "]", "must be the name of a Secret in istio-system"
                            + " (a DNS-1123 subdomain; got '" + names.get(i) + "')"));
                }
            }
        });
        return problems;
    }

    /**
     * The rule for a remote's own typed settings: its pods (gateways included) are injected by its
     * primary's istiod, whose values decide the proxy image and DNS proxying, so only the pull secrets
     * (which its own releases use) may differ from its primary's.
     */
    public static List<Problem> checkOnRemote(Optional<String> hub, Optional<String> tag, Optional<Boolean> dnsProxying,
                                              String primary) {
        var problems = new ArrayList<Problem>();
        var why = "is decided by the primary whose istiod injects the remote's pods ('" + primary + "'); set it there"
                + " or under istio";
        hub.ifPresent(h -> problems.add(new Problem("hub", why)));
        tag.ifPresent(t -> problems.add(new Problem("tag", why)));
        dnsProxying.ifPresent(d -> problems.add(new Problem("dnsProxying", why)));
        return problems;
    }

    /**
     * The rules for values by chart in the args' form, a JSON object in a string ({@link ReleaseSettingsArgs}:
     * pulumi-java 1.36.1 cannot deserialize a map input): the text parses, and {@link #checkValues}.
     * Each problem is named by the property ({@code values}, {@code values.istiod.pilot...}).
     */
    public static List<Problem> checkValuesJson(String valuesJson) {
        try {
            if (!JSON.readTree(valuesJson).isObject()) {
                return List.of(new Problem("values", "must be a map of charts (base, istiod, gateway) to their Helm values"));
            }
            return Problem.under("values.", checkValues(parse(valuesJson)));
        } catch (JsonProcessingException e) {
            // The text is not quoted: it may hold a credential.
            return List.of(new Problem("values", "must be a JSON object of charts to Helm values (it does not parse at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
    }

    /** Values by chart from the args' form, once {@link #checkValuesJson} found no problem with them. */
    public static Map<String, Map<String, Object>> byChart(String valuesJson) {
        return byChart(parse(valuesJson));
    }

    /** Values by chart as the args hold them: a JSON object's text. */
    public static String valuesJson(Map<String, ?> valuesByChart) {
        try {
            return JSON.writeValueAsString(valuesByChart);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("values that are not JSON", e);
        }
    }

    private static Map<String, Object> parse(String valuesJson) {
        try {
            return JSON.readValue(valuesJson, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("'values' must be a JSON object of charts to Helm values");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
}
