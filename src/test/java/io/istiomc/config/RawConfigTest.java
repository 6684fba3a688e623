package io.istiomc.config;

import io.istiomc.components.RegisteredNames;
import io.istiomc.plan.PlanRunner;
import io.istiomc.plan.Secret;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stack files as the engine would hand them to the program. */
class RawConfigTest {
    @Test
    @DisplayName("structured values become JSON text and strings stay strings, as Pulumi passes them")
    void shapes() throws Exception {
        var raw = RawConfig.fromStackYaml("""
                config:
                  istio-multicluster:meshId: mesh1
                  istio-multicluster:ca: {rsaBits: 2048}
                """);
        assertEquals(Optional.of("mesh1"), raw.get("istio-multicluster:meshId"));
        assertEquals(Optional.of("{\"rsaBits\":2048}"), raw.get("istio-multicluster:ca"));
    }

    @Test
    @DisplayName("under the engine, PULUMI_CONFIG names the keys and the SDK's config gives this project's values")
    void fromEngine() {
        // GIVEN the engine's PULUMI_CONFIG, with a key of another namespace
        var env = "{\"istio-multicluster:meshId\":\"mesh1\",\"pulumi:disable-default-providers\":\"[\\\"kubernetes\\\"]\"}";
        // WHEN it is read, values of this project coming from the SDK (which decrypts secrets)
        var raw = RawConfig.fromEngine(env, key -> key.equals("meshId") ? Optional.of("from-sdk") : Optional.empty());
        // THEN both keys are there, this project's from the SDK
        assertEquals(Optional.of("from-sdk"), raw.get("istio-multicluster:meshId"));
        assertEquals(Optional.of("[\"kubernetes\"]"), raw.get("pulumi:disable-default-providers"));
    }

    @Test
    @DisplayName("an encrypted kubeconfig in a stack file plans offline as an inline, secret kubeconfig")
    void encryptedKubeconfig() throws Exception {
        // GIVEN a remote whose kubeconfig was set with `pulumi config set --secret --path`
        var raw = RawConfig.fromStackYaml("""
                config:
                  istio-multicluster:meshId: mesh1
                  istio-multicluster:istio: {version: 1.30.3}
                  istio-multicluster:clusters:
                    - {name: c1, role: primary, context: c1, network: n1}
                    - name: c2
                      role: remote
                      context: c2
                      network: n2
                      kubeconfig:
                        secure: v1:abcdefghijklmnop
                """);
        // WHEN it is planned
        var plan = PlanRunner.run("enc", raw, List.of());
        // THEN the provider gets it as a secret, and the API server is simulated since it cannot be read
        var provider = plan.resource(RegisteredNames.K8S_PROVIDER, "c2-k8s");
        assertTrue(provider.inputs().get("kubeconfig") instanceof Secret);
        assertTrue(plan.apiServers().get("c2").simulated());
    }
}
