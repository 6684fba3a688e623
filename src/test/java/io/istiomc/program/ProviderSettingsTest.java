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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settings every cluster's Kubernetes provider is registered with: Secrets updated in place
 * ({@code enableSecretMutable}, which the 4.0.0 Java SDK's {@code ProviderArgs} lacks), and
 * {@code deleteUnreachable} where a cluster asks for it.
 */
class ProviderSettingsTest {
    private static final String PROVIDER = io.istiomc.components.RegisteredNames.K8S_PROVIDER;

    @Test
    @DisplayName("every provider has enableSecretMutable and server-side apply, as the strings Pulumi sends, and no deleteUnreachable unless asked")
    void mutableSecretsEverywhere() {
        var plan = MeshFixture.plan(new StackYaml().remotes(2).yaml());
        var providers = plan.resources(r -> r.type().equals(PROVIDER));
        assertEquals(3, providers.size());
        for (var provider : providers) {
            assertEquals(Optional.of("true"), provider.input("enableSecretMutable"), provider.name());
            assertEquals(Optional.of("true"), provider.input("enableServerSideApply"), provider.name());
            assertEquals(Optional.empty(), provider.input("deleteUnreachable"), provider.name());
            assertTrue(provider.input("context").orElseThrow().toString().startsWith("ctx-cluster"), provider.name());
        }
    }

    @Test
    @DisplayName("clusters[].deleteUnreachable sets deleteUnreachable on that cluster's provider only")
    void deleteUnreachableOnOneCluster() {
        var plan = MeshFixture.plan(new StackYaml().remotes(2).set("clusters[2].deleteUnreachable", true).yaml());
        assertEquals(Optional.of("true"), plan.resource(PROVIDER, "cluster3-k8s").input("deleteUnreachable"));
        assertEquals(Optional.empty(), plan.resource(PROVIDER, "cluster1-k8s").input("deleteUnreachable"));
        assertEquals(Optional.empty(), plan.resource(PROVIDER, "cluster2-k8s").input("deleteUnreachable"));
    }

    @Test
    @DisplayName("deleteUnreachable takes true or false, and the error names the key")
    void deleteUnreachableIsABoolean() throws Exception {
        var raw = RawConfig.fromStackYaml(new StackYaml().remotes(1).set("clusters[1].deleteUnreachable", "sometimes").yaml());
        var e = assertThrows(InvalidConfigException.class, () -> MeshConfigReader.read(raw));
        assertEquals(List.of("istio-multicluster:clusters[1].deleteUnreachable: must be true or false (got the string 'sometimes')"),
                e.problems().stream().map(p -> p.key() + ": " + p.message()).toList());
    }

    @Test
    @DisplayName("a remote secret whose content changes differs only in stringData, on an unchanged provider with mutable Secrets: an update in place")
    void remoteSecretContentChangeIsAnUpdate() {
        // GIVEN the same mesh before and after the remote's API server moved (new content for its remote secret)
        var before = MeshFixture.plan(new StackYaml().remotes(1).apiServer(2, "https://203.0.113.20:6443").yaml());
        var after = MeshFixture.plan(new StackYaml().remotes(1).apiServer(2, "https://203.0.113.21:6443").yaml());
        var secretBefore = remoteSecret(before);
        var secretAfter = remoteSecret(after);
        // THEN the Secret keeps its URN, name, namespace and type, is not immutable, and only its data changes:
        // pulumi-kubernetes replaces a Secret on .type (and immutable ones on .data/.stringData); with
        // enableSecretMutable a data change is an update (provider/pkg/provider/diff.go, forceNewProperties)
        assertEquals(secretBefore.urn(), secretAfter.urn());
        assertEquals(secretBefore.input("metadata"), secretAfter.input("metadata"));
        assertEquals(Optional.of("Opaque"), secretAfter.input("type"));
        assertEquals(Optional.empty(), secretAfter.input("immutable"));
        assertNotEquals(secretBefore.input("stringData"), secretAfter.input("stringData"));
        assertEquals(withoutKey(secretBefore.inputs(), "stringData"), withoutKey(secretAfter.inputs(), "stringData"));
        // AND it is written by the primary's provider, whose inputs do not change (no provider replacement either)
        var providerBefore = before.byUrn(secretBefore.providerUrn().orElseThrow()).orElseThrow();
        var providerAfter = after.byUrn(secretAfter.providerUrn().orElseThrow()).orElseThrow();
        assertEquals(Optional.of("true"), providerAfter.input("enableSecretMutable"));
        assertEquals(providerBefore.inputs(), providerAfter.inputs());
    }

    private static RecordedResource remoteSecret(Plan plan) {
        var secrets = plan.resources(r -> r.type().equals(RegisteredNames.SECRET)
                && r.input("metadata.name").filter("istio-remote-secret-cluster2"::equals).isPresent());
        assertEquals(1, secrets.size());
        return secrets.get(0);
    }

    private static Map<String, Object> withoutKey(Map<String, Object> inputs, String key) {
        var copy = new LinkedHashMap<>(inputs);
        copy.remove(key);
        return copy;
    }
}
