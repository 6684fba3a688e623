package io.istiomc.bench;

import io.istiomc.plan.RecordedResource;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How long {@code pulumi up} spends on each kind of resource, and how long the seed guide's manual
 * steps take an operator. These are documented estimates, not measurements: each rule says where its
 * figure comes from. The first rule that matches a resource wins.
 */
public final class StepLatencies {
    /** A step at least this long counts as slow: it is what a critical path is made of. */
    public static final double SLOW_SECONDS = 10.0;

    /**
     * One kind of step.
     *
     * @param kind    a short label, shown in the critical path
     * @param seconds how long it takes
     */
    public record Step(String kind, double seconds) {
        public boolean slow() {
            return seconds >= SLOW_SECONDS;
        }
    }

    private record Rule(Step step, Predicate<RecordedResource> matches) {
    }

    static final String WAIT_FOR = "pulumi.com/waitFor";
    static final String SKIP_AWAIT = "pulumi.com/skipAwait";
    private static final String RELEASE = "kubernetes:helm.sh/v3:Release";
    private static final String SERVICE = "kubernetes:core/v1:Service";

    /** The table. Order matters: the first match wins. */
    private static final List<Rule> RULES = List.of(
            // A provider starts its plugin and reads a kubeconfig: no API call, no wait. Resources
            // still wait for it (the provider edge is part of the graph), at no cost.
            new Rule(new Step("provider", 0.0), r -> r.isProvider()),
            // tls resources are computed locally by the tls provider (an RSA key in ~0.1 s); no cluster is involved.
            new Rule(new Step("tls", 0.1), r -> r.type().startsWith("tls:")),
            // istiod: Helm waits for the Deployment (timeout 600 s): the ~250 MB pilot image is pulled
            // on a fresh node, then the readiness probe passes. ~60 s on a managed cluster (assumption,
            // in line with the guide's "Wait for the Istio pods ... to become ready", where they are ~80 s old).
            new Rule(new Step("helm istiod", 60.0), r -> release(r, "istiod")),
            // base: only CRDs and cluster roles, but ~15 s while the API server establishes the
            // ~15 Istio CRDs (Helm waits for them to be served).
            new Rule(new Step("helm base", 15.0), r -> release(r, "base")),
            // gateway with skipAwait = true (none the mesh installs today): Helm installs and returns, ~5 s.
            new Rule(new Step("helm gateway (skipAwait)", 5.0), r -> release(r, "gateway") && skipAwait(r)),
            // gateway awaited (every cluster's): image pull of proxyv2 (shared with nothing yet) and
            // readiness, ~45 s (assumption; smaller than istiod's wait, one container).
            new Rule(new Step("helm gateway", 45.0), r -> release(r, "gateway")),
            // Any other chart: ~30 s (assumption; the mesh installs none).
            new Rule(new Step("helm release", 30.0), r -> r.type().equals(RELEASE)),
            // A Service with pulumi.com/skipAwait: one API call, ~1 s.
            new Rule(new Step("service (skipAwait)", 1.0), r -> r.type().equals(SERVICE) && annotated(r, SKIP_AWAIT)),
            // A LoadBalancer Service awaited (pulumi.com/waitFor on the ingress, or pulumi-kubernetes'
            // default await, which also waits for an ingress): cloud load balancer provisioning,
            // ~90 s on GKE/EKS/AKS (assumption; NLBs on AWS often take longer).
            new Rule(new Step("load balancer", 90.0), r -> r.type().equals(SERVICE)
                    && (annotated(r, WAIT_FOR) || "LoadBalancer".equals(r.input("spec.type").orElse(null)))),
            // Any other Service with a selector: pulumi-kubernetes waits until it has an endpoint,
            // i.e. until a Pod behind it is ready; ~30 s, like the Deployment it follows (only the samples).
            new Rule(new Step("service endpoints", 30.0), r -> r.type().equals(SERVICE)
                    && r.input("spec.selector").map(s -> s instanceof Map<?, ?> m && !m.isEmpty()).orElse(false)),
            // The reader token Secret (pulumi.com/waitFor on .data.token): the token controller fills
            // it within ~2 s.
            new Rule(new Step("token secret", 2.0), r -> r.type().equals("kubernetes:core/v1:Secret")
                    && annotated(r, WAIT_FOR)),
            // The samples' Deployments: image pull and readiness of a small image, ~30 s.
            new Rule(new Step("deployment", 30.0), r -> r.type().equals("kubernetes:apps/v1:Deployment")),
            // Everything else (Namespace, Secret, ServiceAccount, RBAC, ConfigMapPatch, Istio CRs):
            // one API call and Pulumi's read-back, ~1 s.
            new Rule(new Step("api call", 1.0), r -> true));

    /**
     * The seed guide's manual steps that have no resource in the plan, per cluster or per remote
     * (used by the serial model only):
     * <ul>
     *   <li>per cluster, "Determine the ingress IP and port" (switch context, read the Service) and
     *       "Edit the istio ConfigMap" by hand ({@code kubectl edit}, the address in two places): ~60 s
     *       of operator time (assumption);</li>
     *   <li>per remote, "Prepare environment variables" and "Create the n2-k8s-config file" (five
     *       kubectl commands and a heredoc): ~30 s (assumption);</li>
     *   <li>per remote, "Wait for istio-ingressgateway to become ready" once the primary watches the
     *       remote: ~45 s, the gateway readiness the plan's release awaits after the remote secret.</li>
     * </ul>
     */
    public static final double GUIDE_EDIT_MESH_NETWORKS_PER_CLUSTER = 60.0;
    public static final double GUIDE_BUILD_KUBECONFIG_PER_REMOTE = 30.0;
    public static final double GUIDE_WAIT_REMOTE_GATEWAY_PER_REMOTE = 45.0;

    private StepLatencies() {
    }

    /** The step a resource is, by its type and inputs. Components take no time (they have no API call). */
    public static Step of(RecordedResource resource) {
        if (!resource.custom()) {
            return new Step("component", 0.0);
        }
        for (var rule : RULES) {
            if (rule.matches().test(resource)) {
                return rule.step();
            }
        }
        throw new IllegalStateException("unsupported resource " + resource.type() + ": no latency rule matches");
    }

    private static boolean release(RecordedResource r, String chart) {
        return r.type().equals(RELEASE) && chart.equals(r.input("chart").orElse(null));
    }

    private static boolean skipAwait(RecordedResource r) {
        return Objects.equals(r.input("skipAwait").orElse(false), Boolean.TRUE);
    }

    private static boolean annotated(RecordedResource r, String annotation) {
        return r.input("metadata.annotations").map(a -> a instanceof Map<?, ?> m && m.containsKey(annotation))
                .orElse(false);
    }
}
