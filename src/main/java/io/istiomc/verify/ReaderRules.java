package io.istiomc.verify;

import java.util.List;

/**
 * What istiod reads in a cluster it watches: the rules of Istio's reader ClusterRole that every
 * watched cluster gets, primary or remote. Taken from the istiod chart 1.30.3,
 * {@code templates/reader-clusterrole.yaml} (rendered in
 * {@code src/test/resources/istio/1.30.3/reader-rbac--remote.yaml}): its unconditional rules, less
 * the MCS {@code serviceexports} create/delete (istiod writes those only with the MCS feature on).
 * The rules a remote adds for its external istiod ({@code istiodRemote.enabled}: configmaps and
 * webhook updates) are left out, since a watched primary has none.
 */
final class ReaderRules {
    /** One rule: the verbs on the resources of an API group ({@code ""} is the core group). */
    record Rule(String group, List<String> resources, List<String> verbs) {
    }

    private static final List<String> READ = List.of("get", "list", "watch");

    static final List<Rule> RULES = List.of(
            new Rule("config.istio.io", List.of("*"), READ),
            new Rule("security.istio.io", List.of("*"), READ),
            new Rule("networking.istio.io", List.of("*"), READ),
            new Rule("authentication.istio.io", List.of("*"), READ),
            new Rule("rbac.istio.io", List.of("*"), READ),
            new Rule("telemetry.istio.io", List.of("*"), READ),
            new Rule("extensions.istio.io", List.of("*"), READ),
            new Rule("", List.of("endpoints", "pods", "services", "nodes", "replicationcontrollers", "namespaces",
                    "secrets", "configmaps"), READ),
            new Rule("networking.istio.io", List.of("workloadentries"), READ),
            new Rule("networking.x-k8s.io", List.of("gateways"), READ),
            new Rule("gateway.networking.k8s.io", List.of("gateways"), READ),
            new Rule("apiextensions.k8s.io", List.of("customresourcedefinitions"), READ),
            new Rule("discovery.k8s.io", List.of("endpointslices"), READ),
            new Rule("multicluster.x-k8s.io", List.of("serviceexports", "serviceimports"), READ),
            new Rule("apps", List.of("replicasets"), READ),
            new Rule("authentication.k8s.io", List.of("tokenreviews"), List.of("create")),
            new Rule("authorization.k8s.io", List.of("subjectaccessreviews"), List.of("create")));

    private ReaderRules() {
    }
}
