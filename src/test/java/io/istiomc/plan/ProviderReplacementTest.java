package io.istiomc.plan;

import io.istiomc.config.RawConfig;
import io.istiomc.program.Kubeconfigs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** pulumi-kubernetes' {@code DiffConfig} rule as {@link ProviderReplacement} has it, case by case. */
class ProviderReplacementTest {
    /** Kubeconfigs by the value of a {@code kubeconfig} input: "two" has contexts a and b on two entries, "one" the same entry twice. */
    private static Kubeconfigs.Kubeconfig read(Object input) throws IOException {
        var content = input instanceof Secret s ? String.valueOf(s.value()) : String.valueOf(input);
        if (content.equals(RawConfig.ENCRYPTED)) {
            return ProviderReplacement.readInput(input);
        }
        var server = content.equals("moved") ? "https://elsewhere:6443" : "https://a:6443";
        var proxy = content.equals("proxied") ? ", proxy-url: 'http://proxy:3128'" : "";
        var b = content.equals("one") ? "entry-a" : "entry-b";
        return Kubeconfigs.parse("""
                apiVersion: v1
                kind: Config
                clusters:
                - {name: entry-a, cluster: {server: '%s'%s}}
                - {name: entry-b, cluster: {server: 'https://b:6443'}}
                contexts:
                - {name: a, context: {cluster: entry-a, user: u}}
                - {name: b, context: {cluster: %s, user: u}}
                current-context: a
                users:
                - {name: u, user: {token: t}}
                """.formatted(server, proxy, b), "test");
    }

    private static Map<String, Object> inputs(Object... keyValues) {
        var map = new HashMap<String, Object>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("nothing changed", inputs("context", "a"), inputs("context", "a"),
                        ProviderReplacement.Outcome.UNCHANGED, List.of()),
                Arguments.of("a flag added", inputs("context", "a"), inputs("context", "a", "deleteUnreachable", "true"),
                        ProviderReplacement.Outcome.UPDATED, List.of()),
                Arguments.of("context to another entry of the kubeconfig", inputs("kubeconfig", "two", "context", "a"),
                        inputs("kubeconfig", "two", "context", "b"), ProviderReplacement.Outcome.REPLACED, List.of("context")),
                Arguments.of("context to another name of the same entry", inputs("kubeconfig", "one", "context", "a"),
                        inputs("kubeconfig", "one", "context", "b"), ProviderReplacement.Outcome.UPDATED, List.of()),
                Arguments.of("context changed without a kubeconfig input", inputs("context", "a"), inputs("context", "b"),
                        ProviderReplacement.Outcome.UPDATED, List.of()),
                Arguments.of("kubeconfig whose entry moved to another server", inputs("kubeconfig", "two", "context", "a"),
                        inputs("kubeconfig", "moved", "context", "a"), ProviderReplacement.Outcome.REPLACED, List.of("kubeconfig")),
                Arguments.of("kubeconfig whose entry gains a proxy-url (pulumi-kubernetes#4019)",
                        inputs("kubeconfig", new Secret("two"), "context", "a"), inputs("kubeconfig", new Secret("proxied"), "context", "a"),
                        ProviderReplacement.Outcome.REPLACED, List.of("kubeconfig")),
                Arguments.of("kubeconfig added where there was none", inputs("context", "a"), inputs("kubeconfig", "two", "context", "a"),
                        ProviderReplacement.Outcome.UPDATED, List.of()),
                Arguments.of("context naming no context of the kubeconfig", inputs("kubeconfig", "two", "context", "a"),
                        inputs("kubeconfig", "two", "context", "gone"), ProviderReplacement.Outcome.UPDATED, List.of()),
                Arguments.of("cluster input to another entry", inputs("kubeconfig", "two", "context", "a"),
                        inputs("kubeconfig", "two", "context", "a", "cluster", "entry-b"), ProviderReplacement.Outcome.REPLACED,
                        List.of("cluster")),
                Arguments.of("renderYamlToDirectory changed", inputs("context", "a", "renderYamlToDirectory", "x"),
                        inputs("context", "a", "renderYamlToDirectory", "y"), ProviderReplacement.Outcome.REPLACED,
                        List.of("renderYamlToDirectory")),
                Arguments.of("clusterIdentifier changed", inputs("context", "a", "clusterIdentifier", "x"),
                        inputs("context", "a", "clusterIdentifier", "y"), ProviderReplacement.Outcome.REPLACED,
                        List.of("clusterIdentifier")),
                Arguments.of("clusterIdentifier unchanged keeps the provider whatever the cluster",
                        inputs("kubeconfig", "two", "context", "a", "clusterIdentifier", "x"),
                        inputs("kubeconfig", "two", "context", "b", "clusterIdentifier", "x"), ProviderReplacement.Outcome.UPDATED, List.of()),
                Arguments.of("kubeconfig encrypted in the stack file", inputs("kubeconfig", new Secret(RawConfig.ENCRYPTED), "context", "a"),
                        inputs("kubeconfig", new Secret(RawConfig.ENCRYPTED), "context", "b"), ProviderReplacement.Outcome.UNKNOWN, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("each case of DiffConfig: unchanged, updated, replaced by the inputs that lead to another cluster entry, or unknown offline")
    void rule(String name, Map<String, Object> before, Map<String, Object> after, ProviderReplacement.Outcome outcome,
              List<String> replacing) {
        var verdict = ProviderReplacement.of(before, after, ProviderReplacementTest::read);
        assertEquals(outcome, verdict.outcome(), verdict.toString());
        assertEquals(replacing, verdict.replacing());
    }
}
