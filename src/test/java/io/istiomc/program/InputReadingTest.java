package io.istiomc.program;

import io.istiomc.config.Printable;
import io.istiomc.config.YamlInput;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The program's pure readers of user input: YAML, kubeconfigs, and what it prints of them. */
class InputReadingTest {
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
    @DisplayName("printable: newlines, escape sequences and invisible characters are escaped, the rest kept")
    void printable() {
        assertEquals("a\\nb\\r\\t\\u001B[31m\\u200B\\\\ é ü", Printable.escape("a\nb\r\t\u001b[31m\u200b\\ é ü"));
    }
}
