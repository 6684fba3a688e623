package io.istiomc.program;

import io.istiomc.components.RegisteredNames;
import io.istiomc.testing.StackYaml;

import io.istiomc.testing.PlanGraph;

import io.istiomc.plan.Plan;
import io.istiomc.testing.MeshFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One Kubernetes provider per kube context, and every Kubernetes object on its own cluster's provider. */
class ProvidersTest {
    private static Plan plan;

    @BeforeAll
    static void plan() {
        plan = MeshFixture.plan(new StackYaml().remotes(3).set("samples.enabled", true).yaml());
    }

    @Test
    @DisplayName("there is exactly one provider per cluster, on that cluster's context, with server-side apply")
    void oneProviderPerContext() {
        var providers = plan.resources(r -> r.type().equals(RegisteredNames.K8S_PROVIDER));
        assertEquals(4, providers.size());
        for (int i = 1; i <= 4; i++) {
            var provider = plan.resource(RegisteredNames.K8S_PROVIDER, "cluster" + i + "-k8s");
            assertEquals("ctx-cluster" + i, provider.input("context").orElseThrow());
            // Pulumi sends provider settings as strings
            assertEquals("true", provider.input("enableServerSideApply").orElseThrow());
            assertTrue(provider.parentUrn().endsWith("::cluster" + i), "the provider belongs to its cluster's component");
        }
    }

    @Test
    @DisplayName("no Kubernetes object uses a default provider")
    void noDefaultProvider() {
        for (var r : plan.resources(r -> r.isKubernetes())) {
            assertFalse(r.providerRef().isEmpty(), r.urn() + " is on a default provider");
            assertTrue(r.providerRef().contains("pulumi:providers:kubernetes::"), r.urn());
        }
    }

    @Test
    @DisplayName("every resource under a cluster's component uses that cluster's provider")
    void childrenUseTheirClusterProvider() {
        for (int i = 1; i <= 4; i++) {
            var cluster = "cluster" + i;
            var component = plan.resources(r -> !r.custom() && r.name().equals(cluster)).get(0);
            var provider = plan.resource(RegisteredNames.K8S_PROVIDER, cluster + "-k8s");
            for (var child : new PlanGraph(plan).descendantsOf(component.urn())) {
                if (child.isKubernetes()) {
                    assertEquals(provider.urn(), child.providerUrn().orElseThrow(), child.name());
                }
            }
            // and the samples placed in that cluster, under another component, too
            for (var sample : plan.resources(r -> r.name().startsWith("samples-" + cluster + "-"))) {
                assertEquals(provider.urn(), sample.providerUrn().orElseThrow(), sample.name());
            }
        }
        for (var linked : new PlanGraph(plan).descendantsOf(plan.resources(r -> r.name().equals("mesh-link")).get(0).urn())) {
            assertEquals("cluster1", plan.clusterOf(linked).orElseThrow(), "MeshLink writes only into the primary: " + linked.name());
        }
    }

    @Test
    @DisplayName("every child is parented to a component of the mesh, and named after it")
    void childrenAreParentedAndPrefixed() {
        for (var r : plan.resources(r -> r.custom())) {
            var parent = plan.byUrn(r.parentUrn()).orElseThrow();
            assertTrue(parent.type().startsWith("istio-multicluster:index:"), r.name() + " has parent " + parent.type());
            assertTrue(r.name().startsWith(parent.name() + "-"), r.name() + " should start with " + parent.name());
        }
    }
}
