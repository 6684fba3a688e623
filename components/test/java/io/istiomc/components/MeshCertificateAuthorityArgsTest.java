package io.istiomc.components;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The CA's limits and cluster-name rules, checked without any resource. */
class MeshCertificateAuthorityArgsTest {
    static Stream<Arguments> limits() {
        return Stream.of(
                Arguments.of(3650, 730, 4096, List.of()),
                Arguments.of(36500, 36500, 2048, List.of()),
                Arguments.of(1, 1, 3072, List.of()),
                Arguments.of(0, 730, 4096, List.of(
                        new Problem("rootValidityDays", "must be from 1 to 36500 days (got 0)"))),
                Arguments.of(40000, 730, 4096, List.of(
                        new Problem("rootValidityDays", "must be from 1 to 36500 days (got 40000)"))),
                Arguments.of(3650, 0, 4096, List.of(
                        new Problem("intermediateValidityDays", "must be from 1 to 36500 days (got 0)"))),
                Arguments.of(365, 730, 4096, List.of(
                        new Problem("intermediateValidityDays", "must not exceed rootValidityDays (730 > 365): an"
                                + " intermediate cannot outlive its root"))),
                Arguments.of(0, 40000, 1024, List.of(
                        new Problem("rootValidityDays", "must be from 1 to 36500 days (got 0)"),
                        new Problem("intermediateValidityDays", "must be from 1 to 36500 days (got 40000)"),
                        new Problem("rsaBits", "must be 2048, 3072 or 4096 (got 1024)"))));
    }

    @ParameterizedTest(name = "root {0} days, intermediate {1} days, RSA {2}")
    @MethodSource("limits")
    @DisplayName("validity is 1 to 36500 days, no intermediate outlives the root, RSA keys are 2048, 3072 or 4096 bits")
    void limits(int root, int intermediate, int rsaBits, List<Problem> expected) {
        assertEquals(expected, MeshCertificateAuthorityArgs.check(root, intermediate, rsaBits));
    }

    @Test
    @DisplayName("a cluster name is a DNS-1123 label and not 'root', whose intermediate key would be the root key")
    void clusterNames() {
        assertEquals(List.of(), MeshCertificateAuthorityArgs.checkClusterName("cluster1"));
        assertEquals(List.of(new Problem("clusterNames", "must be a DNS-1123 label (got 'West_1'); use at most 63"
                        + " lowercase letters, digits and '-', starting and ending with a letter or digit")),
                MeshCertificateAuthorityArgs.checkClusterName("West_1"));
        assertEquals(List.of(new Problem("clusterNames", "'root' is reserved: the CA's root key is named '<ca>-root-key',"
                        + " and the intermediate key of a cluster named 'root' would take the same name; choose another"
                        + " cluster name")),
                MeshCertificateAuthorityArgs.checkClusterName("root"));
    }

    @Test
    @DisplayName("the builder throws on every problem at once, naming the class and each property")
    void builderThrowsTheChecks() {
        var e = assertThrows(IllegalArgumentException.class, () -> MeshCertificateAuthorityArgs.builder()
                .clusterNames(List.of("root", "a", "a")).settings(CaSettingsArgs.builder().rsaBits(1024).build()).build());
        assertEquals(String.join("\n",
                "MeshCertificateAuthorityArgs: 'clusterNames' " + MeshCertificateAuthorityArgs.checkClusterName("root")
                        .get(0).message(),
                "MeshCertificateAuthorityArgs: 'clusterNames' must not repeat a name (got [root, a, a])",
                "MeshCertificateAuthorityArgs: 'rsaBits' must be 2048, 3072 or 4096 (got 1024)"), e.getMessage());
    }
}
