package io.istiomc.program;

import io.istiomc.components.RegisteredNames;
import io.istiomc.config.InvalidConfigException;
import io.istiomc.config.MeshConfigReader;
import io.istiomc.config.RawConfig;
import io.istiomc.plan.Plan;
import io.istiomc.plan.RecordedResource;
import io.istiomc.testing.MeshFixture;
import io.istiomc.testing.StackYaml;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code clusters[].readerTokenGeneration} rotates a watched cluster's reader token: the token Secret
 * gets a new name under the same resource (so pulumi-kubernetes replaces it creating the new one
 * first), the remote secret in every primary waits for it and is updated in place, and nothing else
 * changes; generation 0 is the first version's stack, unchanged.
 */
class ReaderTokenRotationTest {
    private static final String SECRET = RegisteredNames.SECRET;

    @Test
    @DisplayName("generation 0 (or none) keeps every resource and input of a stack without the key")
    void generationZeroChangesNothing() {
        var without = MeshFixture.plan(twoPrimariesAndARemote(""));
        var zero = MeshFixture.plan(twoPrimariesAndARemote("      readerTokenGeneration: 0"));
        assertEquals(byUrn(without), byUrn(zero));
        assertEquals(Optional.of("istio-reader-service-account-token"), token(zero, "cluster3").input("metadata.name"));
    }

    @Test
    @DisplayName("a new generation renames only the token Secret, under the same URN, and every primary's remote secret waits for it")
    void newGenerationRotatesTheToken() {
        // GIVEN a remote watched by two primaries, before and after its token generation is raised
        var before = MeshFixture.plan(twoPrimariesAndARemote(""));
        var after = MeshFixture.plan(twoPrimariesAndARemote("      readerTokenGeneration: 1"));
        var oldToken = token(before, "cluster3");
        var newToken = token(after, "cluster3");
        // THEN the same resource holds a Secret of a new name: a replacement that creates the new Secret first
        // (pulumi-kubernetes deletes first only when the name stays the same)
        assertEquals(oldToken.urn(), newToken.urn());
        assertEquals(Optional.of("istio-reader-service-account-token-1"), newToken.input("metadata.name"));
        assertEquals(oldToken.input("metadata.annotations"), newToken.input("metadata.annotations"));
        assertEquals(oldToken.input("type"), newToken.input("type"));
        // AND nothing else changes: the same resources, the same inputs but that name
        var changed = changedUrns(before, after);
        assertEquals(List.of(newToken.urn()), changed);
        // AND the remote secret for the remote in each primary waits for the token Secret, so it is updated to
        // the new token after that exists; the old Secret, replaced, is deleted by Pulumi only after that
        var remoteSecrets = after.resources(r -> r.type().equals(SECRET)
                && r.input("metadata.name").filter("istio-remote-secret-cluster3"::equals).isPresent());
        assertEquals(List.of("cluster1", "cluster2"), remoteSecrets.stream().map(s -> after.clusterOf(s).orElseThrow()).sorted().toList());
        for (var remoteSecret : remoteSecrets) {
            assertTrue(new io.istiomc.testing.PlanGraph(after).dependencies(remoteSecret).contains(newToken.urn()), remoteSecret.name());
        }
    }

    @Test
    @DisplayName("a negative generation, or one on a cluster no primary watches, is refused with its key")
    void badGenerations() throws Exception {
        var negative = assertThrows(InvalidConfigException.class, () -> MeshConfigReader.read(RawConfig.fromStackYaml(
                twoPrimariesAndARemote("      readerTokenGeneration: -1"))));
        assertEquals(List.of("istio-multicluster:clusters[2].readerTokenGeneration: must be 0 or more (got -1); raise it by one"
                + " to rotate the reader token"), messages(negative));
        var onlyPrimary = assertThrows(InvalidConfigException.class, () -> MeshConfigReader.read(RawConfig.fromStackYaml(
                new StackYaml().remotes(1).set("clusters[0].readerTokenGeneration", 1).yaml())));
        assertEquals(1, messages(onlyPrimary).size());
        assertTrue(messages(onlyPrimary).get(0).startsWith("istio-multicluster:clusters[0].readerTokenGeneration: is only used for"
                + " a cluster that a primary watches"), messages(onlyPrimary).toString());
    }

    /** cluster1 and cluster2 primaries, cluster3 a remote of cluster1, each on its own network; {@code extra} goes on cluster3. */
    private static String twoPrimariesAndARemote(String extra) {
        return """
                config:
                  istio-multicluster:meshId: mesh1
                  istio-multicluster:istio: {version: 1.30.3}
                  istio-multicluster:clusters:
                    - {name: cluster1, role: primary, context: ctx-cluster1, network: network1, apiServer: "https://api.cluster1.example:6443"}
                    - {name: cluster2, role: primary, context: ctx-cluster2, network: network2, apiServer: "https://api.cluster2.example:6443"}
                    - name: cluster3
                      role: remote
                      context: ctx-cluster3
                      network: network3
                      controlPlane: cluster1
                      apiServer: https://api.cluster3.example:6443
                """ + (extra.isEmpty() ? "" : extra + "\n");
    }

    private static RecordedResource token(Plan plan, String cluster) {
        return plan.resource(SECRET, cluster + "-reader-token");
    }

    private static Map<String, Map<String, Object>> byUrn(Plan plan) {
        return plan.resources(r -> true).stream().collect(Collectors.toMap(RecordedResource::urn, RecordedResource::inputs));
    }

    private static List<String> changedUrns(Plan before, Plan after) {
        var old = byUrn(before);
        var now = byUrn(after);
        assertEquals(old.keySet(), now.keySet());
        return now.keySet().stream().filter(urn -> !now.get(urn).equals(old.get(urn))).sorted().toList();
    }

    private static List<String> messages(InvalidConfigException e) {
        return e.problems().stream().map(p -> p.key() + ": " + p.message()).toList();
    }

    @Test
    @DisplayName("the stack used here is the intended topology")
    void topology() throws Exception {
        var config = io.istiomc.components.MeshTopology.of(MeshConfigReader.read(RawConfig.fromStackYaml(twoPrimariesAndARemote(""))).mesh());
        assertEquals(List.of("cluster1", "cluster2"), config.primaries().stream().map(c -> c.name()).toList());
        assertEquals(Optional.of("cluster1"), config.controlPlaneOf(config.cluster("cluster3").orElseThrow()));
        assertFalse(config.watchersOf(config.cluster("cluster3").orElseThrow()).isEmpty());
    }
}
