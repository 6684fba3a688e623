package io.istiomc.program;

import io.istiomc.components.RegisteredNames;
import io.istiomc.testing.MeshFixture;
import io.istiomc.testing.StackFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ReleaseHygieneTest {
    @Test
    @DisplayName("every Helm release of every stack keeps a bounded history (maxHistory 10), not every revision forever")
    void everyReleaseBoundsItsHistory() {
        for (var file : StackFile.all()) {
            var releases = MeshFixture.plan(file).resources(r -> r.type().equals(RegisteredNames.RELEASE));
            assertFalse(releases.isEmpty(), file.toString());
            for (var release : releases) {
                assertEquals(10, ((Number) release.input("maxHistory").orElseThrow(
                        () -> new AssertionError(file + " " + release.name() + " has no maxHistory"))).intValue(),
                        file + " " + release.name());
            }
        }
    }
}
