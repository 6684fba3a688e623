package io.istiomc.components;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Helm values the mesh sets itself, by chart, each with what sets it instead: the one list of
 * them. A user's value at such a key, below it, or replacing a map above it with something else is
 * refused, because the mesh's wiring (names, networks, webhooks, discovery) depends on it. Every
 * value {@link IstioValues} and {@link ReleaseOverrides} set is in this list (checked by a test).
 */
public final class OwnedValues {
    private static final String ROLE = "the cluster's role (clusters[].role)";
    private static final String PRIMARY_GATEWAY = "the gateway address of the remote's primary (clusters[].gateway of its"
            + " controlPlane)";
    private static final String REVISION = "istio.revisions (each revision's own release)";
    private static final String DEFAULT_REVISION = "istio.defaultRevision";
    private static final String HUB = "istio.hub (or clusters[].hub on a primary)";
    private static final String TAG = "istio.tag (or clusters[].tag on a primary)";
    private static final String PULL_SECRETS = "istio.imagePullSecrets (or clusters[].imagePullSecrets)";
    private static final String DNS = "istio.dnsProxying (or clusters[].dnsProxying on a primary)";

    /** By chart: each owned value's dotted path, and what sets it. */
    public static final Map<String, Map<String, String>> OWNED = Map.of(
            "base", ordered(
                    "profile", ROLE,
                    "base.validationURL", PRIMARY_GATEWAY,
                    "defaultRevision", DEFAULT_REVISION,
                    "global.enableReaderRBAC", "whether a primary watches the cluster (clusters[].role)",
                    "global.imagePullSecrets", PULL_SECRETS),
            "istiod", ordered(
                    "profile", ROLE,
                    "revision", REVISION,
                    "revisionTags", "istio.defaultRevision (the mesh declares the default tag itself)",
                    "global.meshID", "meshId",
                    "global.multiCluster.clusterName", "clusters[].name",
                    "global.network", "clusters[].network",
                    "global.meshNetworks", "the mesh link, from every cluster's network and gateway",
                    "global.remotePilotAddress", PRIMARY_GATEWAY,
                    "global.externalIstiod", "whether remotes name the primary as their controlPlane",
                    "global.configCluster", ROLE,
                    "istiodRemote.enabled", ROLE,
                    "istiodRemote.injectionPath", "clusters[].name and clusters[].network",
                    "istiodRemote.injectionURL", PRIMARY_GATEWAY,
                    "base.validationURL", PRIMARY_GATEWAY,
                    "env." + IstiodWebhooks.CUSTOM_HOST_VARIABLE, "the primary's gateway address (clusters[].gateway)",
                    "global.hub", HUB,
                    "global.tag", TAG,
                    "global.imagePullSecrets", PULL_SECRETS,
                    "global.operatorManageWebhooks", "istio.defaultRevision (on only for the unrevisioned control"
                            + " plane while another revision is the default)",
                    "meshConfig.defaultConfig.proxyMetadata." + ReleaseOverrides.DNS_CAPTURE, DNS,
                    "meshConfig.defaultConfig.proxyMetadata." + ReleaseOverrides.DNS_AUTO_ALLOCATE, DNS,
                    "podAnnotations." + IstioValues.TRUSTED_ROOTS_ANNOTATION, "the CA's roots (ca.roots), while there are several"),
            "gateway", ordered(
                    "revision", DEFAULT_REVISION,
                    "name", "the mesh itself: its gateway Service selects the pods by the release's name",
                    "networkGateway", "clusters[].network",
                    "service", "the mesh itself, which declares the gateway's Service (clusters[].gateway)",
                    "imagePullSecrets", PULL_SECRETS));

    private OwnedValues() {
    }

    /**
     * One problem for each value of {@code values} (one chart's) that the mesh owns, its property the
     * value's dotted path.
     */
    public static List<Problem> check(String chart, Map<String, ?> values) {
        var problems = new ArrayList<Problem>();
        OWNED.getOrDefault(chart, Map.of()).forEach((owned, setBy) -> {
            var segments = owned.split("\\.");
            Object at = values;
            var path = new StringBuilder();
            for (int i = 0; i < segments.length; i++) {
                var map = (Map<?, ?>) at;
                if (!map.containsKey(segments[i])) {
                    return;
                }
                at = map.get(segments[i]);
                path.append(i == 0 ? "" : ".").append(segments[i]);
                boolean last = i == segments.length - 1;
                if (last) {
                    problems.add(new Problem(path.toString(), chart + " value '" + owned + "' is set by the mesh from "
                            + setBy + "; remove it here"));
                } else if (!(at instanceof Map<?, ?>)) {
                    // One problem for the map, however many owned values it would replace.
                    var replaced = path.toString();
                    if (problems.stream().noneMatch(p -> p.property().equals(replaced))) {
                        problems.add(new Problem(path.toString(), "must be a map: it would replace " + chart + " value '"
                            + owned + "', which the mesh sets from " + setBy));
                    }
                    return;
                }
            }
        });
        return problems;
    }

    private static Map<String, String> ordered(String... pathsAndSetters) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < pathsAndSetters.length; i += 2) {
            map.put(pathsAndSetters[i], pathsAndSetters[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
