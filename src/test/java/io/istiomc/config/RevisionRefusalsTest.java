package io.istiomc.config;

import io.istiomc.components.IstioValues;
import io.istiomc.components.Revisions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The rules of {@code istio.revisions} and {@code istio.defaultRevision} ({@link Revisions#check}), each
 * refused by its config key with the exact message, before anything is registered.
 */
class RevisionRefusalsTest {
    private static final String KEY = "istio-multicluster:istio.";
    private static final String LONG_NAME = "r".repeat(Revisions.MAX_NAME_LENGTH + 1);

    /** The table: the {@code istio:} block, and every problem the reader must report, in its order. */
    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("version and revisions together", """
                            version: 1.30.3
                            revisions: [{name: 1-30-3, version: 1.30.3}]
                            defaultRevision: 1-30-3
                        """, List.of(KEY + "revisions: cannot be set together with 'version': 'version' alone runs one"
                        + " control plane without a revision; to run revisions, remove 'version' and list {name: default,"
                        + " version: 1.30.3} among 'revisions' for the control plane it runs now")),
                Arguments.of("a duplicate name", """
                            revisions: [{name: one, version: 1.30.3}, {name: one, version: 1.30.3}]
                            defaultRevision: one
                        """, List.of(KEY + "revisions[1].name: 'one' is already the name of revisions[0]; give each revision its own name")),
                Arguments.of("a name that is not a DNS-1123 label", """
                            revisions: [{name: Canary_1, version: 1.30.3}]
                            defaultRevision: Canary_1
                        """, List.of(KEY + "revisions[0].name: must be a DNS-1123 label (got 'Canary_1'); use at most 63"
                                + " lowercase letters, digits and '-', starting and ending with a letter or digit")),
                Arguments.of("a name too long for its Helm release", "    revisions: [{name: " + LONG_NAME + ", version: 1.30.3}]\n"
                                + "    defaultRevision: " + LONG_NAME + "\n",
                        List.of(KEY + "revisions[0].name: must be at most 46 characters (got 47): its istiod's Helm release"
                                + " is 'istiod-" + LONG_NAME + "', and Helm refuses release names over 53 characters")),
                Arguments.of("a defaultRevision that names no listed revision", """
                            revisions: [{name: 1-30-3, version: 1.30.3}, {name: canary, version: 1.30.3}]
                            defaultRevision: 1-29-0
                        """, List.of(KEY + "defaultRevision: '1-29-0' is not a listed revision; name one of [1-30-3, canary]"
                        + " (a revision the default tag points at cannot be removed in the same step: move"
                        + " 'defaultRevision' first)")),
                Arguments.of("revisions without defaultRevision", """
                            revisions: [{name: 1-30-3, version: 1.30.3}]
                        """, List.of(KEY + "defaultRevision: is required with 'revisions': name the revision the default tag"
                        + " points at (istio-injection=enabled namespaces), one of [1-30-3]")),
                Arguments.of("defaultRevision without revisions", """
                            version: 1.30.3
                            defaultRevision: 1-30-3
                        """, List.of(KEY + "defaultRevision: is set without 'revisions'; 'version' alone runs the one control"
                        + " plane without a revision, which the default tag always names; list 'revisions' to choose")),
                Arguments.of("an empty list", """
                            revisions: []
                            defaultRevision: 1-30-3
                        """, List.of(KEY + "revisions: must not be empty; list one or more {name, version}, or set 'version' alone")),
                Arguments.of("a revision without its version, and an unknown key", """
                            revisions: [{name: 1-30-3, versoin: 1.30.3}]
                            defaultRevision: 1-30-3
                        """, List.of(KEY + "revisions[0].versoin: is not a known key; did you mean 'version'? (known keys: name, version)",
                        KEY + "revisions[0].version: is required")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    @DisplayName("a bad revision setting is refused by its config key, with the rule and the fix")
    void refusedByKey(String what, String istio, List<String> expected) throws Exception {
        // GIVEN a stack whose istio block breaks one rule
        var raw = RawConfig.fromStackYaml(stack(istio));
        // WHEN it is read
        var thrown = assertThrows(InvalidConfigException.class, () -> MeshConfigReader.read(raw));
        // THEN exactly those problems are reported
        assertEquals(expected, thrown.problems().stream().map(ConfigProblem::toString).toList());
    }

    @Test
    @DisplayName("a named revision cannot serve a remote whose primary's gateway is a DNS name: its webhook URL would carry the gateway's name as SNI")
    void namedRevisionNeedsAnIpGateway() {
        var revision = new Revisions.Revision("canary", "1.30.3");
        var thrown = assertThrows(IllegalArgumentException.class,
                () -> IstioValues.remoteIstiod("mesh1", "cluster2", "network2", "gw.example.com", revision));
        assertEquals("revision 'canary' cannot serve remote cluster 'cluster2': its primary's east-west gateway address"
                + " 'gw.example.com' is a DNS name, and the remote's API server reaches a DNS-named gateway by URL, whose"
                + " TLS server name is the gateway's, not istiod-canary's; give the primary an IP address (gateway.address)"
                + " to run named revisions with remotes, or keep 'version' alone", thrown.getMessage());
    }

    @Test
    @DisplayName("a DNS-named gateway address given for a primary that serves remotes is refused by its key while a named revision runs")
    void dnsNamedGatewayAddressRefusedByKey() throws Exception {
        // GIVEN a primary-remote mesh running the named revision 1-30-3, the primary's gateway given as a DNS name
        var raw = RawConfig.fromStackYaml(REVISIONED_PRIMARY_REMOTE.formatted("gw.example.com"));
        // WHEN it is read
        var thrown = assertThrows(InvalidConfigException.class, () -> MeshConfigReader.read(raw));
        // THEN the address is refused before anything is registered, naming the revision and the remotes
        assertEquals(List.of("istio-multicluster:clusters[0].gateway.address: 'gw.example.com' is a DNS name, and the"
                + " revision '1-30-3' cannot serve this primary's remotes ([cluster2]) through it: a remote's API server"
                + " reaches a DNS-named gateway by URL, whose TLS server name is the gateway's, not istiod-1-30-3's; give an"
                + " IP address, or keep 'istio.version' alone"), thrown.problems().stream().map(ConfigProblem::toString).toList());
        // AND an IP address is read
        MeshConfigReader.read(RawConfig.fromStackYaml(REVISIONED_PRIMARY_REMOTE.formatted("203.0.113.7")));
    }

    private static final String REVISIONED_PRIMARY_REMOTE = """
            config:
              istio-multicluster:meshId: mesh1
              istio-multicluster:istio:
                revisions: [{name: 1-30-3, version: 1.30.3}]
                defaultRevision: 1-30-3
              istio-multicluster:clusters:
                - {name: cluster1, role: primary, context: cluster1, network: network1, gateway: {address: %s}}
                - {name: cluster2, role: remote, context: cluster2, network: network2, apiServer: "https://cluster2.example:6443"}
            """;

    /** The table of upgrade steps: the deployed {@code istio:} block, the next one, and the problem of the step (none: allowed). */
    static Stream<Arguments> steps() {
        return Stream.of(
                Arguments.of("removing the deployed default with the move of defaultRevision", """
                            revisions: [{name: old, version: 1.30.3}, {name: new, version: 1.30.3}]
                            defaultRevision: old
                        """, """
                            revisions: [{name: new, version: 1.30.3}]
                            defaultRevision: new
                        """, List.of(KEY + "revisions: removes the revision 'old', which the default tag points at in the"
                        + " deployed stack: its proxies would lose their control plane before they restart onto another; keep"
                        + " it listed while 'defaultRevision' moves to another revision in its own `pulumi up`, restart the"
                        + " workloads, then remove it")),
                Arguments.of("replacing 'version' by a revision at once", """
                            version: 1.30.3
                        """, """
                            revisions: [{name: 1-30-3, version: 1.30.3}]
                            defaultRevision: 1-30-3
                        """, List.of(KEY + "revisions: removes the unrevisioned control plane (revision 'default', Istio"
                        + " 1.30.3), which the default tag points at in the deployed stack: its proxies would lose their"
                        + " control plane before they restart onto another; list {name: default, version: 1.30.3} among"
                        + " 'revisions' beside the new revision and move 'defaultRevision' in a later step (Istio's canary"
                        + " upgrade from a non-revisioned install)")),
                Arguments.of("going back to 'version' from a named default", """
                            revisions: [{name: default, version: 1.30.3}, {name: new, version: 1.30.3}]
                            defaultRevision: new
                        """, """
                            version: 1.30.3
                        """, List.of(KEY + "version: removes the revision 'new', which the default tag points at in the"
                        + " deployed stack: its proxies would lose their control plane before they restart onto another; keep"
                        + " it listed while 'defaultRevision' moves to another revision in its own `pulumi up`, restart the"
                        + " workloads, then remove it")),
                Arguments.of("removing a revision the default has left", """
                            revisions: [{name: old, version: 1.30.3}, {name: new, version: 1.30.3}]
                            defaultRevision: new
                        """, """
                            revisions: [{name: new, version: 1.30.3}]
                            defaultRevision: new
                        """, List.of()),
                Arguments.of("adding a revision and moving the default to it at once", """
                            version: 1.30.3
                        """, """
                            revisions: [{name: default, version: 1.30.3}, {name: new, version: 1.30.3}]
                            defaultRevision: new
                        """, List.of()),
                Arguments.of("an in-place version change", """
                            version: 1.30.3
                        """, """
                            version: 1.31.0
                        """, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    @DisplayName("an upgrade step that removes the revision the deployed default tag points at is refused by the next stack's key")
    void stepRule(String what, String deployedIstio, String nextIstio, List<String> expected) throws Exception {
        var deployed = MeshConfigReader.read(RawConfig.fromStackYaml(stack(deployedIstio))).mesh();
        var next = MeshConfigReader.read(RawConfig.fromStackYaml(stack(nextIstio))).mesh();
        if (expected.isEmpty()) {
            MeshConfigReader.checkStep(deployed, next);
            return;
        }
        var thrown = assertThrows(InvalidConfigException.class, () -> MeshConfigReader.checkStep(deployed, next));
        assertEquals(expected, thrown.problems().stream().map(ConfigProblem::toString).toList());
    }

    private static String stack(String istio) {
        return """
                config:
                  istio-multicluster:meshId: mesh1
                  istio-multicluster:istio:
                """ + istio + """
                  istio-multicluster:clusters:
                    - {name: cluster1, role: primary, context: cluster1, network: network1}
                """;
    }
}
