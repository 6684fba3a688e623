package io.istiomc.components;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
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
        assertEquals(List.of(), MeshCertificateAuthorityArgs.checkClusterName("cluster1", List.of("root")));
        assertEquals(List.of(new Problem("clusterNames", "must be a DNS-1123 label (got 'West_1'); use at most 63"
                        + " lowercase letters, digits and '-', starting and ending with a letter or digit")),
                MeshCertificateAuthorityArgs.checkClusterName("West_1", List.of("root")));
        assertEquals(List.of(new Problem("clusterNames", "'root' is reserved: the CA's root key is named '<ca>-root-key',"
                        + " and the intermediate key of a cluster named 'root' would take the same name; choose another"
                        + " cluster name")),
                MeshCertificateAuthorityArgs.checkClusterName("root", List.of("root")));
    }

    @Test
    @DisplayName("a cluster name 'root-<name>' is refused while a root of that name is listed: its intermediate key would be the root's key")
    void clusterNamesOfRoots() {
        assertEquals(List.of(new Problem("clusterNames", "'root-r2027' is taken by the root 'r2027': its key is named"
                        + " '<ca>-root-r2027-key', and the intermediate key of a cluster named 'root-r2027' would take the same"
                        + " name; choose another cluster name or root name")),
                MeshCertificateAuthorityArgs.checkClusterName("root-r2027", List.of("root", "r2027")));
        assertEquals(List.of(), MeshCertificateAuthorityArgs.checkClusterName("root-r2027", List.of("root")));
        assertEquals(List.of(), MeshCertificateAuthorityArgs.checkClusterName("root-root", List.of("root")));
    }

    static Stream<Arguments> roots() {
        var twoRoots = List.of("root", "r2027");
        return Stream.of(
                Arguments.of(List.of("root"), Optional.empty(), List.of()),
                Arguments.of(List.of("root"), Optional.of("root"), List.of()),
                Arguments.of(twoRoots, Optional.of("root"), List.of()),
                Arguments.of(twoRoots, Optional.of("r2027"), List.of()),
                Arguments.of(List.of("r2027"), Optional.empty(), List.of()),
                Arguments.of(List.of(), Optional.empty(), List.of(
                        new Problem("roots", "must list at least one root (the CA's first root is 'root')"))),
                Arguments.of(twoRoots, Optional.empty(), List.of(
                        new Problem("signingRoot", "is required when more than one root is listed (got roots [root, r2027]):"
                                + " name the root that signs the intermediates, the old one until every workload trusts both"))),
                Arguments.of(List.of("r2027"), Optional.of("root"), List.of(
                        new Problem("signingRoot", "'root' is not one of roots [r2027]: every cluster must trust the root that"
                                + " signs the intermediates; keep a root in 'roots' until the intermediates are signed by another"))),
                Arguments.of(List.of("root", "root"), Optional.of("root"), List.of(
                        new Problem("roots", "must not repeat a name (got [root, root])"))),
                Arguments.of(List.of("root", "R_2"), Optional.of("root"), List.of(
                        new Problem("roots", "must be a DNS-1123 label (got 'R_2'); use at most 63 lowercase letters,"
                                + " digits and '-', starting and ending with a letter or digit"))));
    }

    @ParameterizedTest(name = "roots {0}, signing root {1}")
    @MethodSource("roots")
    @DisplayName("roots are DNS-1123 labels listed once; the signing root is one of them, and named when there are several")
    void roots(List<String> roots, Optional<String> signingRoot, List<Problem> expected) {
        assertEquals(expected, MeshCertificateAuthorityArgs.checkRoots(roots, signingRoot));
    }

    @Test
    @DisplayName("the builder throws on every problem at once, naming the class and each property")
    void builderThrowsTheChecks() {
        var e = assertThrows(IllegalArgumentException.class, () -> MeshCertificateAuthorityArgs.builder()
                .clusterNames(List.of("root", "a", "a")).settings(CaSettingsArgs.builder().rsaBits(1024).build()).build());
        assertEquals(String.join("\n",
                "MeshCertificateAuthorityArgs: 'clusterNames' " + MeshCertificateAuthorityArgs.checkClusterName("root", List.of("root"))
                        .get(0).message(),
                "MeshCertificateAuthorityArgs: 'clusterNames' must not repeat a name (got [root, a, a])",
                "MeshCertificateAuthorityArgs: 'rsaBits' must be 2048, 3072 or 4096 (got 1024)"), e.getMessage());
    }
}
