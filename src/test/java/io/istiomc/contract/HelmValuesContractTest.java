package io.istiomc.contract;

import io.istiomc.components.RegisteredNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.istiomc.components.ChartValueKeys;
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

    /**
     * The keys of {@code values} that the chart does not take, by the library's own check
     * ({@link ChartValueKeys}: the pinned chart's declared keys, its free-form maps and the keys its
     * templates read); a {@code profile} must name a profile the chart has.
     */
    static List<String> unknownKeys(String chart, JsonNode values) throws IOException {
        var unknown = new ArrayList<String>();
        ChartValueKeys.of(chart).check(JSON.convertValue(values, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
        })).forEach(p -> unknown.add(p.property()));
        var profile = values.path("profile");
        if (!profile.isMissingNode() && HelmValuesContractTest.class.getResource(RESOURCES + "helm-profile--" + profile.asText()
                + ".yaml") == null) {
            unknown.add("profile (no such profile)");
        }
        return unknown;
    }

    @Test
    @DisplayName("every key set in the base, istiod and gateway values exists in that chart's values.yaml of Istio 1.30.3")
    void everyKeyExists() throws IOException {
        int checked = 0;
        for (var plan : plans) {
            for (var release : plan.resources(r -> r.type().equals(RegisteredNames.RELEASE))) {
                var chart = chartName(release);
                var values = JSON.valueToTree(release.input("values").orElseThrow());
                assertEquals(List.of(), unknownKeys(chart, values), release.name());
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
    @DisplayName("each key a chart's values.yaml leaves out but the library accepts is read by the named template of the chart package")
    void undeclaredKeysAreReadByTheirTemplates() throws IOException {
        for (var chart : ChartValueKeys.READ_BY_TEMPLATES.entrySet()) {
            var templates = ChartPackage.files("/istio/1.30.3/charts/" + chart.getKey() + "-1.30.3.tgz");
            for (var key : chart.getValue().entrySet()) {
                var template = templates.get(key.getValue());
                assertTrue(template != null, chart.getKey() + " has no " + key.getValue());
                // zzz_profile.yaml reads the profile as '($.Values).profile'
                assertTrue(template.contains(".Values." + key.getKey()) || template.contains("Values)." + key.getKey()),
                        key.getValue() + " does not read " + key.getKey());
                // the allowance is needed: values.yaml does not declare the key
                var declared = chartDefaults(chart.getKey());
                for (var part : key.getKey().split("\\.")) {
                    declared = declared.path(part);
                }
                assertTrue(declared.isMissingNode(), key.getKey() + " is declared in " + chart.getKey()
                        + "'s values.yaml: drop it from READ_BY_TEMPLATES");
            }
        }
    }

    @Test
    @DisplayName("the chart files the library reads at run time equal the tests' copies of Istio 1.30.3's")
    void libraryCopiesEqualTheTestCopies() throws IOException {
        for (var file : List.of("base--values.yaml", "istiod--values.yaml", "gateway--values.schema.json")) {
            try (InputStream library = ChartValueKeys.class.getResourceAsStream("/io/istiomc/components/charts/1.30.3/" + file);
                 InputStream test = HelmValuesContractTest.class.getResourceAsStream(RESOURCES + file)) {
                assertTrue(library != null && test != null, file);
                assertTrue(java.util.Arrays.equals(library.readAllBytes(), test.readAllBytes()), file + " differs");
            }
        }
    }

    @Test
    @DisplayName("the check is live: a typo of a real key is caught")
    void typoIsCaught() throws IOException {
        var typo = JSON.valueToTree(Map.of("global", Map.of("multicluster", Map.of("clusterName", "c1")), "profile", "remot"));
        assertEquals(List.of("global.multicluster.clusterName", "profile (no such profile)"),
                unknownKeys("istiod", typo).stream().sorted().toList());
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
            for (var release : plan.resources(r -> r.type().equals(RegisteredNames.RELEASE) && chartName(r).equals("gateway"))) {
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
