package io.istiomc.components;

import com.pulumi.kubernetes.rbac.v1.inputs.PolicyRuleArgs;

import java.util.List;

/**
 * The access the primary's istiod needs to a remote cluster, granted to the remote's
 * {@code istio-reader-service-account}: the rules of Istio's own {@code istio-reader} ClusterRole
 * for a remote-profile install (istiod chart, {@code reader-clusterrole.yaml}, with
 * {@code istiodRemote.enabled}), and nothing more. It reads service discovery and Istio config,
 * reviews tokens, and, as the remote's external istiod, maintains the root-cert ConfigMaps and the
 * webhooks' CA bundles. It cannot create, change or delete workloads or Secrets.
 */
public final class ReaderAccess {
    private static final List<String> READ = List.of("get", "list", "watch");

    private ReaderAccess() {
    }

    public static List<PolicyRuleArgs> rules() {
        return List.of(
                rule(List.of("config.istio.io", "security.istio.io", "networking.istio.io", "authentication.istio.io",
                        "rbac.istio.io"), List.of("*"), READ),
                rule(List.of(""), List.of("endpoints", "pods", "services", "nodes", "replicationcontrollers",
                        "namespaces", "secrets"), READ),
                rule(List.of("apiextensions.k8s.io"), List.of("customresourcedefinitions"), READ),
                rule(List.of("discovery.k8s.io"), List.of("endpointslices"), READ),
                rule(List.of("multicluster.x-k8s.io"), List.of("serviceexports"), READ),
                rule(List.of("apps"), List.of("replicasets"), READ),
                rule(List.of("authentication.k8s.io"), List.of("tokenreviews"), List.of("create")),
                rule(List.of("authorization.k8s.io"), List.of("subjectaccessreviews"), List.of("create")),
                // The external istiod writes istio-ca-root-cert into every namespace of the remote.
                rule(List.of(""), List.of("configmaps"), List.of("create", "get", "list", "watch", "update")),
                // ... and keeps the CA bundle of the remote's injection and validation webhooks current.
                rule(List.of("admissionregistration.k8s.io"), List.of("mutatingwebhookconfigurations"),
                        List.of("get", "list", "watch", "update", "patch")),
                rule(List.of("admissionregistration.k8s.io"), List.of("validatingwebhookconfigurations"),
                        List.of("get", "list", "watch", "update")));
    }

    private static PolicyRuleArgs rule(List<String> apiGroups, List<String> resources, List<String> verbs) {
        return PolicyRuleArgs.builder().apiGroups(apiGroups).resources(resources).verbs(verbs).build();
    }
}
