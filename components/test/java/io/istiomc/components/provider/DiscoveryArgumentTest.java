package io.istiomc.components.provider;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DiscoveryArgumentTest {
    @Test
    @Timeout(20)
    @DisplayName("run with the program's plugin-discovery argument, the component plugin prints nothing and returns")
    void discoveryArgumentIsNotAnEngineAddress() throws Exception {
        var out = new ByteArrayOutputStream();
        var original = System.out;
        try (var capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            ComponentPackage.main(new String[]{"packages"});
        } finally {
            System.setOut(original);
        }
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
