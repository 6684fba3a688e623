package io.istiomc.components;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library's pure checks of user input: YAML, kubeconfigs, URLs, addresses, annotations, printing. */
class InputChecksTest {
    @Test
    @DisplayName("YAML 1.2: yes/no/on/off are strings, aliases resolve to their anchors, a duplicate key is refused")
    void yaml12() throws Exception {
        var document = (Map<?, ?>) YamlInput.readText("a: yes\nb: no\nc: on\nd: off\ne: &x [1, 2]\nf: *x\ng: &s text\nh: *s\n",
                "test", true);
        assertEquals(List.of("yes", "no", "on", "off"), List.of(document.get("a"), document.get("b"), document.get("c"), document.get("d")));
        assertEquals(List.of(1, 2), document.get("f"));
        assertEquals("text", document.get("h"));
        var duplicate = assertThrows(YamlInput.RejectedInputException.class, () -> YamlInput.readText("a: 1\na: 2\n", "test", true));
        assertEquals("test, line 2: the key 'a' appears twice in one map; YAML 1.2 (which Pulumi reads) rejects duplicate keys",
                duplicate.getMessage());
    }

    @Test
    @DisplayName("kubeconfigs merge as kubectl merges them: the first file that names a context or cluster wins")
    void kubeconfigsMerge() throws Exception {
        var a = Kubeconfigs.parse("""
                apiVersion: v1
                kind: Config
                clusters: [{name: c1, cluster: {server: 'https://a.example'}}]
                contexts: [{name: x, context: {cluster: c2}}, {name: y, context: {cluster: c1}}]
                """, "a");
        var b = Kubeconfigs.parse("""
                kind: Config
                clusters: [{name: c1, cluster: {server: 'https://b1.example'}}, {name: c2, cluster: {server: 'https://b2.example'}}]
                contexts: [{name: x, context: {cluster: c1}}, {name: z, context: {cluster: gone}}]
                """, "b");
        var merged = Kubeconfigs.merge(List.of(a, b));
        assertEquals(new Kubeconfigs.Lookup(Kubeconfigs.Outcome.FOUND, Optional.of("c2"), Optional.of("https://b2.example")),
                Kubeconfigs.lookup(merged, "x"));
        assertEquals(Optional.of("https://a.example"), Kubeconfigs.lookup(merged, "y").server());
        assertEquals(Kubeconfigs.Outcome.NO_CLUSTER, Kubeconfigs.lookup(merged, "z").outcome());
        assertEquals(Kubeconfigs.Outcome.NO_CONTEXT, Kubeconfigs.lookup(merged, "w").outcome());
        assertThrows(YamlInput.RejectedInputException.class, () -> Kubeconfigs.parse("- a list\n", "c"));
        assertThrows(YamlInput.RejectedInputException.class, () -> Kubeconfigs.parse("kind: Pod\n", "c"));
    }

    @Test
    @DisplayName("URLs: user info, query strings and fragments are credentials, shown as ***; ports are 1-65535")
    void urls() {
        assertTrue(Urls.hasCredentials("https://u:p@host:6443"));
        assertTrue(Urls.hasCredentials("https://host/charts?token=t"));
        assertFalse(Urls.hasCredentials("https://host:6443/path"));
        assertEquals("https://***@host:6443/x?***", Urls.withoutCredentials("https://u:p@host:6443/x?token=t"));
        assertEquals("https://***@h st", Urls.withoutCredentials("https://u:p@h st"));
        assertTrue(Urls.hasValidPort("https://host:65535"));
        assertFalse(Urls.hasValidPort("https://host:99999"));
        assertFalse(Urls.hasValidPort("https://host:0"));
        // the components refuse them too, quoting no credential
        var charts = assertThrows(IllegalArgumentException.class,
                () -> new io.istiomc.components.IstioCharts("1.30.3", "https://robot:s3cret@charts.example"));
        assertTrue(charts.getMessage().contains("'https://***@charts.example'"), charts.getMessage());
        assertFalse(charts.getMessage().contains("s3cret"));
        assertEquals(List.of("server"), RemoteSecretKubeconfig.checkServer("https://a:s3cret@api.example:6443").stream()
                .map(Problem::property).toList());
        assertEquals(1, RemoteSecretKubeconfig.checkServer("https://api.example:99999").size());
    }

    @Test
    @DisplayName("gateway addresses: unspecified, broadcast, loopback and localhost cannot be dialled; IPv4-mapped IPv6 can")
    void gatewayAddresses() {
        for (var address : List.of("0.0.0.0", "::", "255.255.255.255", "127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1",
                "localhost", "LOCALHOST", "gw.localhost")) {
            assertTrue(GatewayAddresses.undialable(address).isPresent(), address);
        }
        for (var address : List.of("192.0.2.1", "::ffff:192.0.2.1", "2001:db8::1", "gw.example.com")) {
            assertEquals(Optional.empty(), GatewayAddresses.undialable(address), address);
        }
        // the gateway's args refuse them too, and annotation names Kubernetes refuses
        var args = io.istiomc.components.EastWestGatewayArgs.builder().address("127.0.0.1")
                .annotations(Map.of("bad name", "x"));
        var thrown = assertThrows(IllegalArgumentException.class, args::build);
        assertTrue(thrown.getMessage().contains("'address' must be an address other networks can dial (got '127.0.0.1',"
                + " a loopback address)"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("'annotations.bad name' is not a valid annotation name"), thrown.getMessage());
    }

    @Test
    @DisplayName("annotation names are Kubernetes qualified names; sizes count names and values in bytes")
    void annotationNames() {
        for (var name : List.of("nlb", "service.beta.kubernetes.io/aws-load-balancer-type", "a_b.c-d", "x/Y")) {
            assertEquals(Optional.empty(), AnnotationNames.problem(name), name);
        }
        for (var name : List.of("", "bad name", "-x", "x-", "Upper.example/x", "/x", "a/", "a/b/c", "x".repeat(64))) {
            assertTrue(AnnotationNames.problem(name).isPresent(), name);
        }
        assertEquals(5, AnnotationNames.totalBytes(Map.of("ab", "cé")));
    }

    @Test
    @DisplayName("printable: newlines, escape sequences and invisible characters are escaped, the rest kept")
    void printable() {
        assertEquals("a\\nb\\r\\t\\u001B[31m\\u200B\\\\ é ü", Printable.escape("a\nb\r\t\u001b[31m\u200b\\ é ü"));
    }
}
