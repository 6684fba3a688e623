package io.istiomc.safety;

import io.istiomc.components.RegisteredNames;
import io.istiomc.config.StackConfig;
import io.istiomc.config.MeshConfigReader;
import io.istiomc.config.RawConfig;
import io.istiomc.plan.PlanRunner;
import io.istiomc.testing.StackFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The names checked for shared URNs ({@link RegisteredNames}) are the names the components register:
 * every resource of every stack's plan is among them, so a child the components add without listing it
 * fails here rather than escaping the check.
 */
class RegisteredNamesTest {
    static List<Path> stacks() {
        return StackFile.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    @DisplayName("every resource a stack's plan registers (parent type, type, name) is one RegisteredNames lists")
    void everyRegisteredResourceIsListed(Path stackFile) throws Exception {
        // GIVEN a stack of the project, planned
        var config = MeshConfigReader.read(RawConfig.fromStackFile(stackFile));
        var plan = PlanRunner.run(StackFile.stackName(stackFile), RawConfig.fromStackFile(stackFile), List.of());
        // WHEN its resources are compared with what the check lists for its clusters
        var listed = RegisteredNames.of(mesh(config)).stream()
                .map(r -> r.parentType() + "$" + r.type() + "::" + r.name()).collect(Collectors.toSet());
        var missing = plan.resources().stream().map(r -> urnKey(r.urn())).filter(java.util.Objects::nonNull)
                .filter(key -> !listed.contains(key)).sorted().toList();
        // THEN none is missing
        assertEquals(List.of(), missing);
    }

    @Test
    @DisplayName("x, x-istio-remote-secret-y (primaries) and y-istio-remote-secret-x: MeshLink's Secret would be registered twice")
    void craftedNamesCollide() {
        var clusters = new LinkedHashMap<String, Boolean>();
        clusters.put("x", true);
        clusters.put("x-istio-remote-secret-y", true);
        clusters.put("y-istio-remote-secret-x", false);
        var problems = RegisteredNames.collisions(new RegisteredNames.Layout("mesh", clusters));
        assertEquals(List.of("y-istio-remote-secret-x: gives two resources one Pulumi URN: MeshLink's Secret"
                        + " 'mesh-link-x-istio-remote-secret-y-istio-remote-secret-x' would be registered twice (for clusters 'x',"
                        + " 'x-istio-remote-secret-y', 'y-istio-remote-secret-x'), and pulumi up would fail; rename one of these clusters"),
                problems.stream().map(p -> p.property() + ": " + p.message()).toList());
        // AND names that merely share a prefix (east, east-a) are no collision
        var prefixes = new LinkedHashMap<String, Boolean>();
        prefixes.put("east", true);
        prefixes.put("east-a", false);
        prefixes.put("east-a-istiod", false);
        assertEquals(List.of(), RegisteredNames.collisions(new RegisteredNames.Layout("mesh", prefixes)));
    }

    /** {@code parent type$type::name} of {@code urn:pulumi:<stack>::<project>::<type chain>::<name>}; null for the stack. */
    private static String urnKey(String urn) {
        var parts = urn.split("::", 4);
        var types = parts[2].split("\\$");
        return types.length < 2 ? null : types[types.length - 2] + "$" + types[types.length - 1] + "::" + parts[3];
    }

    static RegisteredNames.Layout mesh(StackConfig config) {
        var clusters = new LinkedHashMap<String, Boolean>();
        config.mesh().clusters().forEach(c -> clusters.put(c.name(), c.isPrimary()));
        return new RegisteredNames.Layout(StackConfig.MESH_NAME, clusters, config.mesh().ca().roots());
    }
}
