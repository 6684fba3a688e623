package io.istiomc.stacks;

import io.istiomc.components.Mesh;
import io.istiomc.plan.Plan;
import io.istiomc.testing.EngineAliases;
import io.istiomc.testing.MeshFixture;
import io.istiomc.testing.StackFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stack deployed before its clusters moved under one {@code Mesh} replaces nothing on its next
 * {@code pulumi up}: against the baseline of every stack ({@link PlanBaseline}, recorded from the
 * program before the change), the plan has the same resources (type, name, provider, inputs) apart
 * from the new {@code Mesh} and the parents, and every former URN is one the engine finds the new
 * resource by.
 */
class StackUpgradeTest {
    static Stream<Path> stacks() {
        return StackFile.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    @DisplayName("the plan registers the baseline's resources (type, name, provider, inputs) and only a Mesh more, and every"
            + " URN of the baseline is the URN or a former URN the engine derives of exactly one resource of the plan")
    void nothingIsReplaced(Path stackFile) throws IOException {
        // GIVEN the stack's baseline and its plan today
        var before = PlanBaseline.read(StackFile.stackName(stackFile));
        Plan plan = MeshFixture.plan(stackFile);
        assertTrue(before.size() > 10, "the baseline of " + stackFile + " has " + before.size() + " resources");

        // WHEN both are compared without URNs (which hold the parents)
        var now = PlanBaseline.lines(plan).stream().filter(l -> !l.type().equals(Mesh.TYPE)).map(StackUpgradeTest::identity)
                .sorted().toList();
        var then = before.stream().map(StackUpgradeTest::identity).sorted().toList();
        // THEN they are the same, and the Mesh is the one resource more
        assertEquals(then, now);
        assertEquals(before.size() + 1, plan.resources().size());

        // WHEN the engine's aliases are derived for every resource
        var claims = new EngineAliases(plan).allClaims(plan.resources());
        var claimedBy = new HashMap<String, List<String>>();
        claims.forEach((urn, claimed) -> claimed.forEach(c -> claimedBy.computeIfAbsent(c, k -> new ArrayList<>()).add(urn)));
        // THEN each former URN leads to one resource, of the same type and name
        var lost = new ArrayList<String>();
        for (var line : before) {
            var owners = claimedBy.getOrDefault(EngineAliases.engineUrn(line.urn()), List.of());
            if (owners.size() != 1) {
                lost.add(line.urn() + " -> " + owners);
                continue;
            }
            var owner = plan.byUrn(owners.get(0)).orElseThrow();
            assertEquals(line.type() + " " + line.name(), owner.type() + " " + owner.name());
        }
        assertEquals(List.of(), lost, "former URNs no resource (or several) is found by");
    }

    private static String identity(PlanBaseline.Line line) {
        return line.type() + " " + line.name() + " provider=" + line.providerName() + " inputs=" + line.inputsDigest();
    }
}
