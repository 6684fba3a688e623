package io.istiomc.safety;

import io.istiomc.testing.StackYaml;

import io.istiomc.config.InvalidConfigException;
import io.istiomc.config.MeshConfigReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.istiomc.safety.SafetyFixture.RELEASE;
import static io.istiomc.safety.SafetyFixture.cli;
import static io.istiomc.safety.SafetyFixture.raw;
import static io.istiomc.safety.SafetyFixture.stack;
import static io.istiomc.safety.SafetyFixture.testResource;
import static io.istiomc.safety.SafetyFixture.visitStrings;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input written by an attacker or a careless hand. Credentials never reach a plan or a
 * message, private chart repositories take their login as a secret, no echoed value can inject a
 * line into a CI log, and valid addresses and annotations are told from invalid ones.
 */
class HostileInputTest {
    private static final String NS = "istio-multicluster:";
    private static final String CHART_PASSWORD = "chart-repository-passw0rd-62bd";

    /** The credentials planted in the invalid stack files 49-52 and 57. */
    private static final Map<String, String> PLANTED = Map.of(
            "49-api-server-with-user-info", "Api-Passw0rd-4411",
            "50-api-server-with-token-query", "api-query-token-7781",
            "51-chart-repository-with-user-info", "Chart-Passw0rd-9902",
            "52-chart-repository-with-token-query", "chart-query-token-3317",
            "57-chart-repository-password-without-username", "chart-password-without-user");

    @Test
    @DisplayName("credentials in apiServer and chartRepository URLs are rejected and appear in no output, text or JSON")
    void urlCredentialsAreNeverPrinted() {
        PLANTED.forEach((name, credential) -> {
            var path = testResource("safety/invalid/" + name + ".yaml").toString();
            for (var format : List.of("text", "json")) {
                var result = cli("plan", "--config-file", path, "--format", format);
                assertEquals(2, result.exitCode(), result.all());
                assertFalse(result.all().contains(credential), name + " printed its credential:\n" + result.all());
            }
        });
    }

    private static StackYaml stackWithChartLogin() {
        return stack().remotes(1).chartRepository("https://charts.example.com/istio")
                .set("istio.chartRepositoryUsername", "robot")
                .set("istio.chartRepositoryPassword", CHART_PASSWORD);
    }

    @Test
    @DisplayName("a private chart repository's login reaches every Release as repositoryOpts, the password as a secret")
    void chartRepositoryLoginIsASecretOnEveryRelease() {
        // GIVEN a stack with a chart repository login (the password even in plain text)
        var plan = SafetyFixture.plan(stackWithChartLogin().yaml());
        // THEN every release carries the repository, the user name and the password, the password as a secret
        var releases = plan.resources(r -> r.type().equals(RELEASE));
        assertEquals(6, releases.size());
        for (var release : releases) {
            assertEquals("https://charts.example.com/istio", release.input("repositoryOpts.repo").orElseThrow(), release.name());
            assertEquals("robot", release.input("repositoryOpts.username").orElseThrow(), release.name());
            assertTrue(release.isSecret("repositoryOpts.password"), release.name() + " password is not secret");
            assertEquals(CHART_PASSWORD, release.input("repositoryOpts.password").orElseThrow());
        }
        // AND no input holds the password outside a secret
        var plain = new ArrayList<String>();
        for (var resource : plan.resources()) {
            visitStrings(resource.inputs(), "", false, (path, value, inSecret) -> {
                if (!inSecret && value.contains(CHART_PASSWORD)) {
                    plain.add(resource.name() + "." + path);
                }
            });
        }
        assertEquals(List.of(), plain);
    }

    @Test
    @DisplayName("the chart repository password is redacted in the text and JSON plans and in --out's Helm files")
    void chartRepositoryPasswordIsNeverPrintedOrWritten(@TempDir Path dir) throws IOException {
        var file = Files.writeString(dir.resolve("Pulumi.login.yaml"), stackWithChartLogin().yaml());
        var out = dir.resolve("out");
        for (var format : List.of("text", "json")) {
            var result = cli("plan", "--config-file", file.toString(), "--format", format, "--out", out.toString());
            assertEquals(0, result.exitCode(), result.err());
            assertFalse(result.all().contains(CHART_PASSWORD), format + " plan printed the password");
        }
        try (var files = Files.walk(out)) {
            for (var written : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(written).contains(CHART_PASSWORD), out.relativize(written) + " holds the password");
            }
        }
        assertTrue(Files.readString(out.resolve("cluster1/helm/istiod.yaml")).contains("https://charts.example.com/istio"));
    }

    @Test
    @DisplayName("an encrypted chart password (secure: ...) is read offline as a secret placeholder")
    void encryptedChartPassword() {
        var yaml = stackWithChartLogin().set("istio.chartRepositoryPassword", Map.of("secure", "v1:AAABAHh5ejEyMw==")).yaml();
        var plan = SafetyFixture.plan(yaml);
        var istiod = plan.resource(RELEASE, "cluster1-istiod");
        assertTrue(istiod.isSecret("repositoryOpts.password"));
    }

    @Test
    @DisplayName("control characters and newlines in echoed values are escaped: no value can start a line in a CI log")
    void echoedValuesAreEscaped(@TempDir Path dir) throws IOException {
        // GIVEN a version with a newline and a GitHub Actions command, and a context with a terminal escape
        var yaml = stack().remotes(1).istioVersion("1.30.3\n::error::injected").context(2, "ctx\u001b[31m-cluster2").yaml();
        var file = Files.writeString(dir.resolve("Pulumi.inject.yaml"), yaml);
        // WHEN it is planned
        var result = cli("plan", "--config-file", file.toString());
        // THEN the problem is reported on one line, escaped
        assertEquals(2, result.exitCode(), result.all());
        assertTrue(result.err().contains(NS + "istio.version: must be an Istio release version like 1.30.3 (got"
                + " '1.30.3\\n::error::injected')"), result.err());
        assertTrue(result.all().lines().noneMatch(l -> l.startsWith("::")), result.all());
        assertFalse(result.all().contains("\u001b"), result.all());
        // AND a valid stack with that context plans with the context escaped
        var planned = cli("plan", "--config-file", Files.writeString(dir.resolve("Pulumi.esc.yaml"), stack().remotes(1)
                .samples("sample").context(2, "ctx\u001b[31m-cluster2").yaml()).toString());
        assertEquals(0, planned.exitCode(), planned.err());
        assertFalse(planned.all().contains("\u001b"));
        assertTrue(planned.out().contains("context ctx\\u001B[31m-cluster2"), planned.out());
        // AND a stack name with an escape sequence (from the file name) is refused, escaped
        var named = cli("plan", "--config-file", Files.writeString(dir.resolve("Pulumi.a\u001b[2Jb.yaml"), yaml).toString());
        assertEquals(1, named.exitCode());
        assertFalse(named.all().contains("\u001b"), named.all());
        assertTrue(named.err().startsWith("stack name 'a\\u001B[2Jb' may contain only letters, digits, '-', '_' and '.'"),
                named.err());
    }

    @Test
    @DisplayName("an IPv4-mapped IPv6 gateway address (::ffff:192.0.2.1) is accepted")
    void ipv4MappedAddressIsAccepted() {
        var yaml = stack().remotes(1).set("clusters[1].gateway.address", "::ffff:192.0.2.1").yaml();
        var config = assertDoesNotThrow(() -> MeshConfigReader.read(raw(yaml))).mesh();
        assertEquals("::ffff:192.0.2.1", config.clusters().get(1).gateway().address().orElseThrow());
    }

    @Test
    @DisplayName("gateway annotations above Kubernetes' 256 KiB total are rejected; just under is accepted")
    void annotationsTotalSize() {
        var name = "example.com/big";
        var over = "x".repeat(256 * 1024 - name.length() + 1);
        var thrown = assertThrows(InvalidConfigException.class, () -> MeshConfigReader.read(raw(
                stack().remotes(1).set("clusters[1].gateway.annotations", Map.of(name, over)).yaml())));
        assertEquals(List.of(NS + "clusters[1].gateway.annotations: must total at most 262144 bytes of names and values,"
                + " Kubernetes' limit (got 262145)"), thrown.problems().stream().map(Object::toString).toList());
        var under = over.substring(1);
        assertDoesNotThrow(() -> MeshConfigReader.read(raw(
                stack().remotes(1).set("clusters[1].gateway.annotations", Map.of(name, under)).yaml())));
    }
}
