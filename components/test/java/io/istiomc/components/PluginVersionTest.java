package io.istiomc.components;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class PluginVersionTest {
    @Test
    @DisplayName("the library's kubernetes plugin.json (which Pulumi's plugin discovery reads first) names the plugin the explicit providers pin")
    void pluginJsonMatchesTheProvidersVersion() throws IOException {
        var resource = ClusterInstall.class.getResource("/com/pulumi/kubernetes/plugin.json");
        assertNotNull(resource);
        var plugin = new ObjectMapper().readTree(resource);
        assertEquals("kubernetes", plugin.path("name").asText());
        assertEquals(ClusterInstall.KUBERNETES_PLUGIN_VERSION, plugin.path("version").asText());
    }
}
