package io.istiomc.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.istiomc.plan.Plan;
import io.istiomc.testing.MeshFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Helm values are untyped: every key the program sets must exist in the pinned chart's values.yaml,
 * so that a typo such as {@code multicluster} for {@code multiCluster} fails here and not in a
 * cluster where Helm would silently ignore it.
 */
class HelmValuesContractTest {
    private static final String RESOURCES = "/istio/1.30.3/";
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> VALUES_FILES = Map.of(
            "base", "base--values.yaml", "istiod", "istiod--values.yaml", "gateway", "gateway--values.yaml");
    /**
     * Keys a chart's templates read although its values.yaml leaves them out, by chart, each with the
     * template that reads it: the istiod chart's validation webhook takes {@code base.validationURL}
     * ("Should change from base but cannot for API compat", its comment says), which only the base
     * chart's values.yaml lists. {@link #undeclaredKeysAreReadByTheirTemplates} checks each against the
     * chart package.
     */
    static final Map<String, Map<String, String>> READ_BY_TEMPLATES = Map.of(
            "istiod", Map.of("base.validationURL", "istiod/templates/validatingwebhookconfiguration.yaml"));
    private static List<Plan> plans;

    @BeforeAll
    static void plans() {
        // primary-remote on several networks, with NodePort and NLB gateways; multi-primary without gateways; the mixed mesh
        plans = List.of(MeshFixture.plan(Path.of("Pulumi.dev.yaml")), MeshFixture.plan(Path.of("stacks/Pulumi.prod.yaml")),
                MeshFixture.plan(Path.of("stacks/Pulumi.multi-primary.yaml")), MeshFixture.plan(Path.of("stacks/Pulumi.mixed.yaml")));
    }

    private static JsonNode chartDefaults(String chart) throws IOException {
        try (InputStream in = HelmValuesContractTest.class.getResourceAsStream(RESOURCES + VALUES_FILES.get(chart))) {
            return YAML.readTree(in).path("_internal_defaults_do_not_set");
        }
    }

    /** The keys of {@code values} that the chart neither declares nor reads in a listed template. */
    static List<String> unknownKeys(String chart, JsonNode values, JsonNode defaults) {
        var readByTemplates = READ_BY_TEMPLATES.getOrDefault(chart, Map.of()).keySet();
        return unknownKeys(values, defaults, "").stream().filter(key -> !readByTemplates.contains(key)).toList();
    }

    /** The keys of {@code values} that the chart's defaults do not have; free-form maps ({@code {}}) take any key. */
    static List<String> unknownKeys(JsonNode values, JsonNode defaults, String path) {
        var unknown = new ArrayList<String>();
        values.fields().forEachRemaining(e -> {
            var key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            if (path.isEmpty() && e.getKey().equals("profile")) {
                if (HelmValuesContractTest.class.getResource(RESOURCES + "helm-profile--" + e.getValue().asText() + ".yaml") == null) {
                    unknown.add(key + " (no such profile)");
                }
                return;
            }
            var known = defaults.get(e.getKey());
            if (known == null) {
                unknown.add(key);
            } else if (e.getValue().isObject() && known.isObject() && !known.isEmpty()) {
                unknown.addAll(unknownKeys(e.getValue(), known, key));
            }
        });
        return unknown;
    }

    @Test
    @DisplayName("every key set in the base, istiod and gateway values exists in that chart's values.yaml of Istio 1.30.3")
    void everyKeyExists() throws IOException {
        int checked = 0;
        for (var plan : plans) {
            for (var release : plan.resources(r -> r.type().equals("kubernetes:helm.sh/v3:Release"))) {
                var chart = chartName(release);
                var values = JSON.valueToTree(release.input("values").orElseThrow());
                assertEquals(List.of(), unknownKeys(chart, values, chartDefaults(chart)), release.name());
                checked++;
            }
        }
        assertEquals(2 * 3 + 3 * 3 + 2 * 2 + 6 * 3, checked);
    }

    /** The chart's name, also for an OCI reference ({@code oci://.../istiod}). */
    private static String chartName(io.istiomc.plan.RecordedResource release) {
        var chart = (String) release.input("chart").orElseThrow();
        return chart.substring(chart.lastIndexOf('/') + 1);
    }

    @Test
    @DisplayName("each key a chart's values.yaml leaves out but the program sets is read by the named template of the chart package")
    void undeclaredKeysAreReadByTheirTemplates() throws IOException {
        for (var chart : READ_BY_TEMPLATES.entrySet()) {
            var templates = ChartPackage.files("/istio/1.30.3/charts/" + chart.getKey() + "-1.30.3.tgz");
            for (var key : chart.getValue().entrySet()) {
                var template = templates.get(key.getValue());
                assertTrue(template != null, chart.getKey() + " has no " + key.getValue());
                assertTrue(template.contains(".Values." + key.getKey()), key.getValue() + " does not read " + key.getKey());
                // the allowance is needed: values.yaml does not declare the key
                var path = key.getKey().split("\\.");
                JsonNode value = JSON.getNodeFactory().textNode("x");
                for (int i = path.length - 1; i >= 0; i--) {
                    value = JSON.createObjectNode().set(path[i], value);
                }
                assertEquals(List.of(key.getKey()), unknownKeys(value, chartDefaults(chart.getKey()), ""),
                        key.getKey() + " is declared in " + chart.getKey() + "'s values.yaml: drop it from READ_BY_TEMPLATES");
            }
        }
    }

    @Test
    @DisplayName("the check is live: a typo of a real key is caught")
    void typoIsCaught() throws IOException {
        var typo = JSON.valueToTree(Map.of("global", Map.of("multicluster", Map.of("clusterName", "c1")), "profile", "remot"));
        assertEquals(List.of("global.multicluster", "profile (no such profile)"),
                unknownKeys(typo, chartDefaults("istiod"), "").stream().sorted().toList());
    }

    @Test
    @DisplayName("the gateway values validate against the gateway chart's values.schema.json")
    void gatewayValuesMatchTheSchema() throws IOException {
        ObjectNode schemaNode;
        try (InputStream in = getClass().getResourceAsStream(RESOURCES + "gateway--values.schema.json")) {
            schemaNode = (ObjectNode) JSON.readTree(in);
        }
        // The chart names no draft the validator knows ("http://json-schema.org/schema#"); it uses $defs, so 2020-12.
        schemaNode.remove("$schema");
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
        int checked = 0;
        for (var plan : plans) {
            for (var release : plan.resources(r -> r.type().equals("kubernetes:helm.sh/v3:Release") && chartName(r).equals("gateway"))) {
                var errors = schema.validate(JSON.valueToTree(release.input("values").orElseThrow()));
                assertEquals(java.util.Set.of(), errors, release.name());
                checked++;
            }
        }
        assertEquals(2 + 3 + 6, checked);
        // the schema is live: a wrong type is rejected
        assertFalse(schema.validate(JSON.valueToTree(Map.of("networkGateway", 5))).isEmpty());
        assertTrue(schema.validate(JSON.valueToTree(Map.of("networkGateway", "n1"))).isEmpty());
    }
}
