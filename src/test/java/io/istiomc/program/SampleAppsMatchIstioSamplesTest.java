package io.istiomc.program;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.istiomc.plan.PlanWriter;
import io.istiomc.testing.MeshFixture;
import io.istiomc.testing.StackFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The samples the program deploys are Istio 1.30.3's own (test resources {@code istio/1.30.3/samples/},
 * copied unchanged from the release): same names, labels, selectors, ports, images and commands.
 */
class SampleAppsMatchIstioSamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    @Test
    @DisplayName("helloworld v1/v2 and curl match the pinned release's samples in images, labels, selectors, ports and volumes")
    void samplesMatchTheRelease() throws IOException {
        var samples = new HashMap<String, JsonNode>();
        for (var file : new String[]{"helloworld.yaml", "curl.yaml"}) {
            try (var in = getClass().getResourceAsStream("/istio/1.30.3/samples/" + file)) {
                assertNotNull(in, file);
                for (var it = new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(in); it.hasNext(); ) {
                    var doc = it.next();
                    samples.put(key(doc), doc);
                }
            }
        }
        var plan = MeshFixture.plan(StackFile.projectRoot().resolve("Pulumi.dev.yaml"));
        var ours = new HashMap<String, JsonNode>();
        for (var resource : plan.resources(r -> r.isKubernetes() && r.custom() && !r.type().endsWith(":Release"))) {
            var object = (JsonNode) JSON.valueToTree(PlanWriter.object(resource));
            if (object.path("metadata").path("namespace").asText().equals("sample")) {
                ours.put(key(object), object);
            }
        }
        assertEquals(new TreeSet<>(java.util.List.of("Deployment/helloworld-v1", "Deployment/helloworld-v2", "Deployment/curl",
                "Service/helloworld", "Service/curl", "ServiceAccount/curl")), new TreeSet<>(ours.keySet()));
        for (var entry : ours.entrySet()) {
            var what = entry.getKey();
            var object = entry.getValue();
            var sample = samples.get(what);
            assertNotNull(sample, what + " is not in the release's samples");
            assertEquals(labels(sample.path("metadata")), labels(object.path("metadata")), what + " labels");
            switch (object.path("kind").asText()) {
                case "Service" -> {
                    assertEquals(sample.path("spec").path("selector"), object.path("spec").path("selector"), what + " selector");
                    for (int i = 0; i < sample.path("spec").path("ports").size(); i++) {
                        var port = sample.path("spec").path("ports").get(i);
                        assertEquals(port.path("port").asInt(), object.path("spec").path("ports").get(i).path("port").asInt(), what);
                        assertEquals(port.path("name").asText(), object.path("spec").path("ports").get(i).path("name").asText(), what);
                    }
                }
                case "Deployment" -> {
                    assertEquals(sample.path("spec").path("selector"), object.path("spec").path("selector"), what + " selector");
                    assertEquals(labels(sample.path("spec").path("template").path("metadata")),
                            labels(object.path("spec").path("template").path("metadata")), what + " pod labels");
                    var sampleContainer = sample.path("spec").path("template").path("spec").path("containers").get(0);
                    var container = object.path("spec").path("template").path("spec").path("containers").get(0);
                    for (var field : new String[]{"name", "image", "command", "resources", "volumeMounts"}) {
                        assertEquals(sampleContainer.path(field), container.path(field), what + " container " + field);
                    }
                    assertEquals(sampleContainer.path("ports").path(0).path("containerPort").asInt(),
                            container.path("ports").path(0).path("containerPort").asInt(), what + " container port");
                    assertEquals(sample.path("spec").path("template").path("spec").path("volumes"),
                            object.path("spec").path("template").path("spec").path("volumes"), what + " volumes");
                    assertEquals(sample.path("spec").path("template").path("spec").path("serviceAccountName"),
                            object.path("spec").path("template").path("spec").path("serviceAccountName"), what + " service account");
                }
                default -> { }
            }
        }
    }

    private static String key(JsonNode object) {
        return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
    }

    /** Labels without the one we add to say who manages the object. */
    private static Map<String, String> labels(JsonNode metadata) {
        var labels = new java.util.TreeMap<String, String>();
        metadata.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        labels.remove(MANAGED_BY);
        return labels;
    }
}
