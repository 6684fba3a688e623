package io.istiomc.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.istiomc.testing.StackFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The typed project configuration in {@code Pulumi.yaml} agrees with the stack config reader. */
class ProjectConfigTest {
    private static final Set<String> SCHEMA_TYPES = Set.of("string", "integer", "boolean", "array");

    @Test
    @DisplayName("Pulumi.yaml declares the reader's top-level keys Pulumi can type, with the reader's types, and defaults only where the reader has them")
    void projectConfigMatchesTheReader() throws Exception {
        var project = new YAMLMapper().readTree(StackFile.projectRoot().resolve("Pulumi.yaml").toFile());
        var declared = new ArrayList<String>();
        project.path("config").fields().forEachRemaining(e -> {
            if (e.getKey().contains(":")) {
                return; // another namespace's setting (pulumi:disable-default-providers)
            }
            declared.add(e.getKey());
            var declaration = e.getValue();
            assertTrue(MeshConfigReader.TOP_LEVEL_KEYS.contains(e.getKey()), e.getKey() + " is not a key the reader knows");
            assertTrue(SCHEMA_TYPES.contains(declaration.path("type").asText()), e.getKey() + ": type " + declaration.path("type"));
            assertFalse(declaration.path("description").asText().isBlank(), e.getKey() + " has no description");
            if (declaration.has("default")) {
                assertReaderDefault(e.getKey(), declaration.get("default"));
            }
        });
        // meshId is the only scalar top-level key, and required: typed, without a default
        assertEquals(java.util.List.of("meshId"), declared);
        assertEquals("string", project.path("config").path("meshId").path("type").asText());
        assertFalse(project.path("config").path("meshId").has("default"));
        var missing = MeshConfigReaderProblems.of(Map.of(
                "istio-multicluster:istio", "{\"version\":\"1.30.3\"}",
                "istio-multicluster:clusters", "[{\"name\":\"c1\",\"role\":\"primary\",\"context\":\"c1\",\"network\":\"n1\"}]"));
        assertTrue(missing.contains("istio-multicluster:meshId"), "the reader requires meshId: " + missing);
    }

    private static void assertReaderDefault(String key, JsonNode declaredDefault) {
        throw new AssertionError(key + ": a default " + declaredDefault + " in Pulumi.yaml needs a check against the reader's");
    }

    /** The keys the reader names in its problems. */
    private static final class MeshConfigReaderProblems {
        static String of(Map<String, String> values) {
            try {
                MeshConfigReader.read(new RawConfig(values));
                return "";
            } catch (InvalidConfigException e) {
                return e.getMessage();
            }
        }
    }
}
