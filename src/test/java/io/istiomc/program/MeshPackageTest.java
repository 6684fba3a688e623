package io.istiomc.program;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.provider.internal.models.ConstructRequest;
import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.resources.ComponentResourceOptions;
import io.istiomc.components.Mesh;
import io.istiomc.components.provider.ComponentPackage;
import io.istiomc.config.RawConfig;
import io.istiomc.config.StackConfig;
import io.istiomc.plan.Plan;
import io.istiomc.plan.RecordedResource;
import io.istiomc.components.simulation.SimulatedClusters;
import io.istiomc.plan.SimulatedRun;
import io.istiomc.testing.MeshFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Mesh} from the component package, as a program in another language declares it with the
 * stack's values, registers exactly what the Java program registers for the stack: the same
 * resources with the same URNs, parents, providers, dependencies, inputs and aliases.
 */
class MeshPackageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Pulumi.dev.yaml", "stacks/Pulumi.mixed.yaml", "stacks/Pulumi.prod.yaml"})
    @DisplayName("Mesh constructed by the package registers what the Java program registers for the same stack")
    void packageRegistersWhatTheProgramRegisters(String stackFile) throws Exception {
        // GIVEN the stack's plan through the Java program
        var path = Path.of(stackFile);
        Plan viaProgram = MeshFixture.plan(path);
        // WHEN the package constructs a Mesh named as the program's from the stack's values
        var inputs = inputs(RawConfig.fromStackFile(path), viaProgram);
        var viaPackage = SimulatedRun.run(viaProgram.stack(), Map.of(), new SimulatedClusters(viaProgram.mesh()),
                ctx -> new ComponentPackage().construct(new ConstructRequest(Mesh.TYPE, MeshProgram.MESH_NAME, inputs,
                        ComponentResourceOptions.builder().build())).join());
        // THEN both registered the same resources
        assertTrue(viaPackage.exceptions().isEmpty(), viaPackage.exceptions().toString());
        var expected = sorted(viaProgram.resources());
        var actual = sorted(viaPackage.resources());
        assertTrue(expected.size() > 40, stackFile + ": " + expected.size() + " resources");
        assertEquals(expected.stream().map(RecordedResource::urn).toList(), actual.stream().map(RecordedResource::urn).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), expected.get(i).urn());
        }
    }

    private static List<RecordedResource> sorted(List<RecordedResource> resources) {
        var list = new ArrayList<>(resources);
        list.sort(java.util.Comparator.comparing(RecordedResource::urn));
        return list;
    }

    /**
     * The stack's config as a TypeScript or YAML program would pass it to the package: the same
     * objects, with each watched cluster's API server as the program resolved it, gateway
     * annotations as the schema's list of name and value, Helm values as JSON text, and the release
     * settings under {@code releaseSettings}.
     */
    private static Map<String, PropertyValue> inputs(RawConfig raw, Plan plan) throws Exception {
        var inputs = new LinkedHashMap<String, PropertyValue>();
        for (var key : List.of("meshId", "istio", "clusters", "ca", "samples")) {
            raw.get(StackConfig.NAMESPACE + ":" + key).ifPresent(text -> {
                JsonNode node;
                try {
                    node = key.equals("meshId") ? JSON.valueToTree(text) : JSON.readTree(text);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                inputs.put(key, value(node));
            });
        }
        var clusters = new ArrayList<PropertyValue>();
        for (var cluster : inputs.get("clusters").getArrayValue()) {
            var fields = new LinkedHashMap<>(cluster.getObjectValue());
            var server = plan.apiServers().get(fields.get("name").getStringValue());
            if (server != null) {
                fields.put("apiServer", PropertyValue.of(server.url()));
            }
            clusters.add(PropertyValue.of(fields));
        }
        inputs.put("clusters", PropertyValue.of(clusters));
        return inputs;
    }

    private static final java.util.Set<String> RELEASE_KEYS = java.util.Set.of("values", "hub", "tag", "imagePullSecrets",
            "dnsProxying");

    private static PropertyValue value(JsonNode node) {
        if (node.isObject()) {
            var fields = new LinkedHashMap<String, PropertyValue>();
            // Helm values are a JSON string in the schema (the SDK cannot deserialize a map input), as a program passes them.
            var releaseSettings = new LinkedHashMap<String, PropertyValue>();
            node.fields().forEachRemaining(e -> {
                var value = e.getKey().equals("annotations") ? annotations(e.getValue())
                        : e.getKey().equals("values") ? PropertyValue.of(e.getValue().toString()) : value(e.getValue());
                // The stack config writes the release settings among its holder's keys, the schema under releaseSettings.
                (RELEASE_KEYS.contains(e.getKey()) ? releaseSettings : fields).put(e.getKey(), value);
            });
            if (!releaseSettings.isEmpty()) {
                fields.put("releaseSettings", PropertyValue.of(releaseSettings));
            }
            return PropertyValue.of(fields);
        }
        if (node.isArray()) {
            var items = new ArrayList<PropertyValue>();
            node.forEach(item -> items.add(value(item)));
            return PropertyValue.of(items);
        }
        if (node.isBoolean()) {
            return PropertyValue.of(node.booleanValue());
        }
        if (node.isNumber()) {
            return PropertyValue.of(node.intValue());
        }
        return PropertyValue.of(node.asText());
    }

    private static PropertyValue annotations(JsonNode map) {
        var list = new ArrayList<PropertyValue>();
        map.fields().forEachRemaining(e -> list.add(PropertyValue.of(Map.of("name", PropertyValue.of(e.getKey()),
                "value", PropertyValue.of(e.getValue().asText())))));
        return PropertyValue.of(list);
    }
}
