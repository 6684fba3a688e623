package io.istiomc.safety;

import io.istiomc.components.IstioCharts;
import io.istiomc.components.RemoteSecretKubeconfig;
import io.istiomc.components.Urls;
import io.istiomc.config.InvalidConfigException;
import io.istiomc.config.MeshConfigReader;
import io.istiomc.program.ApiServers;
import io.istiomc.testing.MeshFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.istiomc.safety.SafetyFixture.cli;
import static io.istiomc.safety.SafetyFixture.raw;
import static io.istiomc.safety.SafetyFixture.testResource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No part of a credential reaches a message: a URL's user info ends at its last '@' (a password may
 * hold '/', '?' or '#'), and a secret key's value is never described, whatever its type. Each case is
 * a stack file under {@code src/test/resources/safety/credentials}.
 */
class CredentialsInMessagesTest {
    private static final String NS = "istio-multicluster:";
    private static final String CHART_CREDENTIALS = BadInputTest.CHART_CREDENTIALS;
    private static final String SERVER_CREDENTIALS = BadInputTest.API_SERVER_CREDENTIALS;

    private static final List<String> SLASH = List.of("robot", "Zq7", "SlashPassw0rd");
    private static final List<String> HASH = List.of("robot", "HashPassw0rd", "Frag7");
    private static final List<String> QUESTION_MARK = List.of("robot", "AskPassw0rd", "Q9");

    private static Arguments chart(String name, String shown, List<String> parts) {
        return Arguments.of(name, NS + "istio.chartRepository: " + CHART_CREDENTIALS.formatted(shown), parts);
    }

    private static Arguments server(String name, String shown, List<String> parts) {
        return Arguments.of(name, NS + "clusters[1].apiServer: " + SERVER_CREDENTIALS.formatted(shown), parts);
    }

    /** Every stack file: the one problem it must get, and every part of the credential it plants. */
    static Stream<Arguments> stacks() {
        return Stream.of(
                chart("chart-repository-password-with-slash", "https://***@charts.example", SLASH),
                chart("chart-repository-password-with-hash", "https://***@charts.example/istio", HASH),
                chart("chart-repository-password-with-question-mark", "https://***@charts.example", QUESTION_MARK),
                server("api-server-password-with-slash", "https://***@api.cluster2.example:6443", SLASH),
                server("api-server-password-with-hash", "https://***@api.cluster2.example:6443", HASH),
                server("api-server-password-with-question-mark", "https://***@api.cluster2.example:6443/", QUESTION_MARK),
                Arguments.of("inline-kubeconfig-server-password-with-slash", NS + "clusters[1].apiServer: is not set, and the"
                        + " server of context 'ctx-cluster2' in the inline kubeconfig of " + NS + "clusters[1].kubeconfig "
                        + SERVER_CREDENTIALS.formatted("https://***@api.cluster2.example:6443")
                        + "; set apiServer to the URL at which the primary clusters reach this API server", SLASH),
                Arguments.of("chart-repository-password-is-a-number", NS + "istio.chartRepositoryPassword: must be a string (got a"
                        + " number; the value is not shown: it may be a credential)", List.of("80417339275512", "8041733")),
                Arguments.of("kubeconfig-is-a-number", NS + "clusters[1].kubeconfig: must be a string (got a number; the value"
                        + " is not shown: it may be a credential)", List.of("80417339275512", "8041733")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    @DisplayName("the plan exits 2 with exactly the one problem, and no output (text or JSON) holds any part of the credential")
    void noPartOfACredentialIsPrinted(String name, String problem, List<String> parts) {
        var path = testResource("safety/credentials/" + name + ".yaml").toString();
        for (var format : List.of("text", "json")) {
            // WHEN the stack is planned
            var run = cli("plan", "--config-file", path, "--format", format);
            // THEN it is refused with exactly the expected problem
            assertEquals(2, run.exitCode(), run.all());
            assertEquals("invalid stack configuration (1 problem):\n  - " + problem + "\n", run.err());
            // AND no part of the credential is printed anywhere
            for (var part : parts) {
                assertFalse(run.all().contains(part), name + " printed '" + part + "':\n" + run.all());
            }
        }
    }

    @Test
    @DisplayName("a kubeconfig file's server with a password holding '/' is refused on apiServer without any part of it")
    void kubeconfigFileServer(@TempDir Path dir) throws Exception {
        // GIVEN the remote's context in a kubeconfig file leads to a server whose password holds '/', '#' and '?'
        var kubeconfig = Files.writeString(dir.resolve("config"), """
                apiVersion: v1
                kind: Config
                clusters:
                - {name: c1, cluster: {server: "https://one.example:6443"}}
                - {name: c2, cluster: {server: "https://robot:Zq7/Sl#a?shPassw0rd@api.cluster2.example:6443"}}
                contexts:
                - {name: ctx-cluster1, context: {cluster: c1, user: u}}
                - {name: ctx-cluster2, context: {cluster: c2, user: u}}
                users:
                - {name: u, user: {token: t}}
                """);
        var config = MeshConfigReader.read(raw(SafetyFixture.stack().remotes(1).remove("clusters[1].apiServer").yaml()));
        // WHEN the API servers are resolved from the file
        var e = assertThrows(InvalidConfigException.class,
                () -> ApiServers.resolve(config, ApiServers.Mode.DEPLOY, List.of(kubeconfig), new ArrayList<>()));
        // THEN the problem shows the host only
        var problem = e.problems().get(0).toString();
        assertTrue(problem.contains("got 'https://***@api.cluster2.example:6443'"), problem);
        for (var part : List.of("robot", "Zq7", "Sl", "shPassw0rd")) {
            assertFalse(problem.contains(part), problem);
        }
    }

    @Test
    @DisplayName("Urls: the user info ends at the last '@'; the query and fragment after the host are hidden too")
    void userInfoEndsAtTheLastAt() {
        assertEquals("https://***@charts.example", Urls.withoutCredentials("https://robot:Zq7/SlashPassw0rd@charts.example"));
        assertEquals("https://***@h.example/p?***", Urls.withoutCredentials("https://u:a#b?c/d@h.example/p?token=t#f"));
        assertEquals("https://h.example/p#***", Urls.withoutCredentials("https://h.example/p#frag"));
        assertEquals("https://h.example:6443/p", Urls.withoutCredentials("https://h.example:6443/p"));
        assertFalse(Urls.hasCredentials("https://h.example:6443/p"));
        assertTrue(Urls.hasCredentials("https://robot:Zq7/x@h.example"));
        // The port is read after the user info: a password's ':' is no port.
        assertTrue(Urls.hasValidPort("https://u:p/w@h.example:6443"));
        assertEquals(1, RemoteSecretKubeconfig.checkServer("https://robot:Zq7/SlashPassw0rd@h.example:6443").size());
        assertEquals(1, IstioCharts.checkRepository("oci://robot:Zq7/SlashPassw0rd@h.example/charts").size());
    }
}
