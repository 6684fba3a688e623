package io.istiomc.components;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The samples' namespace rule, checked without any resource. */
class SampleAppsArgsTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"istio-system", "kube-system", "kube-public", "kube-node-lease", "default"})
    @DisplayName("the samples never own a namespace of Kubernetes or Istio, which they would delete on destroy")
    void systemNamespaces(String namespace) {
        assertEquals(List.of(new Problem("namespace", "must not be '" + namespace + "': the samples own their namespace"
                        + " and delete it with them; choose a namespace of their own, e.g. 'sample'")),
                SampleAppsArgs.checkNamespace(namespace));
    }

    @Test
    @DisplayName("the namespace is a DNS-1123 label; 'sample' is fine")
    void label() {
        assertEquals(List.of(), SampleAppsArgs.checkNamespace("sample"));
        assertEquals(List.of(new Problem("namespace", "must be a DNS-1123 label (got 'Sample_Apps'); use at most 63"
                        + " lowercase letters, digits and '-', starting and ending with a letter or digit")),
                SampleAppsArgs.checkNamespace("Sample_Apps"));
    }

    @Test
    @DisplayName("the builder throws on the same rule, naming the class and the property")
    void builderThrowsTheCheck() {
        var e = assertThrows(IllegalArgumentException.class, () -> SampleAppsArgs.builder().namespace("default").build());
        assertEquals("SampleAppsArgs: 'namespace' must not be 'default': the samples own their namespace and delete it"
                + " with them; choose a namespace of their own, e.g. 'sample'", e.getMessage());
    }
}
