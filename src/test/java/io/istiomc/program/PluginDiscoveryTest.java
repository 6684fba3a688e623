package io.istiomc.program;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pulumi's Java host discovers the program's plugins by running the SDK's bootstrap main with the
 * argument {@code packages} on the program's class path ({@code mvn -DmainClass=com.pulumi.bootstrap.internal.Main
 * -DmainArgs=packages compile exec:java}, which the pom passes on through {@code ${mainArgs}}), and installs
 * what it lists before the program runs.
 */
class PluginDiscoveryTest {
    @Test
    @DisplayName("plugin discovery on the program's class path lists tls 5.6.1 and kubernetes 4.34.2, the versions the providers use")
    void discoveryListsThePluginsTheProvidersUse() throws Exception {
        var out = new ByteArrayOutputStream();
        var original = System.out;
        try (var capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            com.pulumi.bootstrap.internal.Main.main(new String[]{"packages"});
        } finally {
            System.setOut(original);
        }
        var plugins = new TreeMap<String, String>();
        for (var plugin : new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8))) {
            assertEquals(true, plugin.path("resource").asBoolean(), plugin.toString());
            plugins.put(plugin.path("name").asText(), plugin.path("version").asText());
        }
        assertEquals(Map.of("tls", com.pulumi.tls.Utilities.PLUGIN_VERSION, "kubernetes", "4.34.2"), plugins);
    }
}
