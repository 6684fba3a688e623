package io.istiomc.bench;

import io.istiomc.components.RegisteredNames;
import io.istiomc.plan.RecordedResource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The graph analysis on hand-built graphs, its structural properties on the real plan, and the options. */
class CriticalPathTest {
    private static final String STACK = "urn:pulumi:test::p::pulumi:pulumi:Stack::p-test";

    // --- hand-built graphs; each custom resource's latency is its name's number of seconds ---

    private static String urn(String name) {
        return "urn:pulumi:test::p::t::" + name;
    }

    private static RecordedResource custom(String name, String parent, String... dependsOn) {
        return new RecordedResource(urn(name), "test:index:Step", name, true, parent == null ? STACK : urn(parent), "",
                List.of(dependsOn).stream().map(CriticalPathTest::urn).toList(), false, Map.of());
    }

    private static RecordedResource component(String name, String parent) {
        return new RecordedResource(urn(name), "test:index:Component", name, false,
                parent == null ? STACK : urn(parent), "", List.of(), false, Map.of());
    }

    /** Names like {@code a-30}: 30 seconds. */
    private static StepLatencies.Step byName(RecordedResource r) {
        return new StepLatencies.Step("step", Double.parseDouble(r.name().substring(r.name().lastIndexOf('-') + 1)));
    }

    private static List<String> names(CriticalPath.Result result) {
        return result.path().stream().map(e -> e.resource().name()).toList();
    }

    @Test
    @DisplayName("a chain takes the sum of its steps, and every step is on the path")
    void chain() {
        // GIVEN a -> b -> c
        var graph = List.of(custom("a-15", null), custom("b-60", null, "a-15"), custom("c-1", null, "b-60"));
        // WHEN
        var result = CriticalPath.of(graph, CriticalPathTest::byName);
        // THEN
        assertEquals(76.0, result.seconds());
        assertEquals(List.of("a-15", "b-60", "c-1"), names(result));
        assertEquals(2, result.slowSteps());
        assertEquals(List.of(15.0, 75.0, 76.0), result.path().stream().map(CriticalPath.Entry::finish).toList());
    }

    @Test
    @DisplayName("parallel branches take as long as the longest one, which is the path")
    void parallelBranches() {
        // GIVEN two independent branches joined by d: (a-90) and (b-15 -> c-60)
        var graph = List.of(custom("a-90", null), custom("b-15", null), custom("c-60", null, "b-15"),
                custom("d-2", null, "a-90", "c-60"), custom("e-5", null));
        // WHEN
        var result = CriticalPath.of(graph, CriticalPathTest::byName);
        // THEN
        assertEquals(92.0, result.seconds());
        assertEquals(List.of("a-90", "d-2"), names(result));
        assertEquals(1, result.slowSteps());
    }

    @Test
    @DisplayName("a dependency on a component waits for all its custom descendants, through nested components")
    void componentExpansion() {
        // GIVEN component k holding x-30 and nested component k2 holding y-45; z-1 depends on k
        var graph = List.of(component("k", null), custom("x-30", "k"), component("k2", "k"), custom("y-45", "k2"),
                custom("z-1", null, "k"));
        // WHEN
        var waits = io.istiomc.plan.Dependencies.waitsFor(graph);
        var result = CriticalPath.of(graph, CriticalPathTest::byName);
        // THEN
        assertEquals(Set.of(urn("x-30"), urn("y-45")), waits.get(urn("z-1")));
        assertEquals(46.0, result.seconds());
        assertEquals(List.of("y-45", "z-1"), names(result));
    }

    @Test
    @DisplayName("a resource that depends on its own component does not wait for itself, and waits for its provider")
    void selfAndProvider() {
        var provider = new RecordedResource(urn("p-0"), RegisteredNames.K8S_PROVIDER, "p-0", true, STACK, "",
                List.of(), false, Map.of());
        var inside = new RecordedResource(urn("w-10"), "test:index:Step", "w-10", true, urn("k"),
                urn("p-0") + "::p-0-id", List.of(urn("k")), false, Map.of());
        var graph = List.of(component("k", null), custom("v-20", "k"), inside, provider);

        var waits = io.istiomc.plan.Dependencies.waitsFor(graph);

        assertEquals(Set.of(urn("v-20"), urn("p-0")), waits.get(urn("w-10")));
        assertEquals(30.0, CriticalPath.of(graph, CriticalPathTest::byName).seconds());
    }

    @Test
    @DisplayName("a dependency outside the plan and a cycle are errors")
    void brokenGraphs() {
        var unknown = assertThrows(IllegalArgumentException.class,
                () -> CriticalPath.of(List.of(custom("a-1", null, "missing-1")), CriticalPathTest::byName));
        assertEquals(urn("a-1") + " depends on " + urn("missing-1") + ", which is not in the plan", unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CriticalPath.of(
                List.of(custom("a-1", null, "b-1"), custom("b-1", null, "a-1")), CriticalPathTest::byName));
    }

    @Test
    @DisplayName("an empty graph takes no time")
    void empty() {
        var result = CriticalPath.of(List.of(), CriticalPathTest::byName);
        assertEquals(0.0, result.seconds());
        assertEquals(0, result.slowSteps());
    }

    @Test
    @DisplayName("the serial model adds every step and the guide's manual waits")
    void serial() {
        var graph = List.of(custom("a-15", null), custom("b-60", null, "a-15"), component("k", null));
        assertEquals(75.0, CriticalPath.serialSeconds(graph, CriticalPathTest::byName));
    }

    // --- the latency table reads the inputs ---

    private static RecordedResource release(String chart, boolean skipAwait) {
        return new RecordedResource(urn("r"), RegisteredNames.RELEASE, "r", true, STACK, "", List.of(), false,
                Map.of("chart", chart, "skipAwait", skipAwait));
    }

    private static RecordedResource service(String type, String annotation) {
        return new RecordedResource(urn("s"), RegisteredNames.SERVICE, "s", true, STACK, "", List.of(), false,
                Map.of("metadata", Map.of("annotations", Map.of(annotation, "x")), "spec", Map.of("type", type)));
    }

    @Test
    @DisplayName("the latency of a step follows its chart, skipAwait and await annotations")
    void latencies() {
        assertEquals(60.0, StepLatencies.of(release("istiod", false)).seconds());
        assertEquals(15.0, StepLatencies.of(release("base", false)).seconds());
        assertEquals(45.0, StepLatencies.of(release("gateway", false)).seconds());
        assertEquals(5.0, StepLatencies.of(release("gateway", true)).seconds());
        assertEquals(90.0, StepLatencies.of(service("LoadBalancer", StepLatencies.WAIT_FOR)).seconds());
        assertEquals(1.0, StepLatencies.of(service("NodePort", StepLatencies.SKIP_AWAIT)).seconds());
        assertEquals(0.0, StepLatencies.of(component("k", null)).seconds());
    }

    // --- the real plan: structural properties, not timings ---

    @Test
    @DisplayName("1 and 10 remotes have the same critical path length and the same resources per remote")
    void realPlanDoesNotGrow() {
        // WHEN
        var one = Benchmark.plan(1).resources();
        var two = Benchmark.plan(2).resources();
        var ten = Benchmark.plan(10).resources();
        var pathOne = CriticalPath.of(one);
        var pathTen = CriticalPath.of(ten);
        // THEN
        assertEquals(pathOne.slowSteps(), pathTen.slowSteps());
        assertEquals(pathOne.seconds(), pathTen.seconds());
        assertTrue(pathOne.slowSteps() > 0, "the path has slow steps: " + pathOne.describeSlowSteps());
        int perRemote = Benchmark.customCount(two) - Benchmark.customCount(one);
        assertTrue(perRemote > 0);
        assertEquals(Benchmark.customCount(one) + 9 * perRemote, Benchmark.customCount(ten));
        assertTrue(CriticalPath.serialSeconds(ten) > CriticalPath.serialSeconds(one));
    }

    // --- options ---

    @Test
    @DisplayName("without options, 1, 10, 50 and 200 remotes are measured and no JSON is written")
    void defaults() {
        var settings = Benchmark.parse(List.of());
        assertEquals(List.of(1, 10, 50, 200), settings.remotes());
        assertEquals(List.of(1), settings.primaries());
        assertEquals(Optional.empty(), settings.json());
    }

    @Test
    @DisplayName("--primaries is measured in ascending order, and remote secrets grow as primaries x other clusters")
    void primaries() {
        assertEquals(List.of(1, 3, 10), Benchmark.parse(List.of("--primaries", "10,1,3")).primaries());
        // WHEN 3 primaries and 4 remotes are planned
        var plan = Benchmark.plan(3, 4);
        // THEN each of the 3 primaries holds a remote secret for each of the 6 other clusters
        var secrets = plan.resources(r -> r.type().equals(RegisteredNames.SECRET) && r.name().contains("-istio-remote-secret-"));
        assertEquals(3 * 6, secrets.size());
        // AND remotes are spread over the primaries: remote4 is served by primary1
        assertEquals(plan.gatewayAddress("primary1").orElseThrow().value(),
                plan.resource(RegisteredNames.RELEASE, "remote4-istiod").input("values.global.remotePilotAddress").orElseThrow());
    }

    @Test
    @DisplayName("--sizes measures exactly the P+N pairs given, in their order; otherwise every primaries x remotes pair")
    void sizes() {
        assertEquals(List.of(new Benchmark.Size(1, 10), new Benchmark.Size(3, 100), new Benchmark.Size(10, 10)),
                Benchmark.parse(List.of("--sizes", "1+10, 3+100,10+10")).sizes());
        assertEquals(List.of(new Benchmark.Size(1, 1), new Benchmark.Size(1, 2), new Benchmark.Size(3, 1), new Benchmark.Size(3, 2)),
                Benchmark.parse(List.of("--primaries", "3,1", "--remotes", "2,1")).sizes());
    }

    @Test
    @DisplayName("--remotes is measured in ascending order and --json names the file")
    void options() {
        var settings = Benchmark.parse(List.of("--remotes", "200,1, 10", "--json=out/bench.json"));
        assertEquals(List.of(1, 10, 200), settings.remotes());
        assertEquals(Optional.of(Path.of("out/bench.json")), settings.json());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "--remotes 0      | --remotes counts must be at least 1 (got 0); the baseline without remotes is always computed",
            "--primaries 0    | --primaries must be a comma-separated list of whole numbers from 1 to 249, e.g. 1,3,10 (got '0' in '0')",
            "--primaries 3,3  | --primaries lists 3 twice",
            "--remotes x      | --remotes must be a comma-separated list of whole numbers, e.g. 1,10,50,200 (got 'x' in 'x')",
            "--remotes 1,,2   | --remotes must be a comma-separated list of whole numbers, e.g. 1,10,50,200 (got '' in '1,,2')",
            "--remotes -1     | --remotes must be a comma-separated list of whole numbers, e.g. 1,10,50,200 (got '-1' in '-1')",
            "--remotes 1,1    | --remotes lists 1 twice",
            "--remotes        | option --remotes needs a value",
            "--json           | option --json needs a value",
            "--stack dev      | unknown option '--stack' (options: --remotes, --primaries, --sizes, --json)",
            "--sizes 0+1      | --sizes must be a comma-separated list of P+N pairs (P primaries, N remotes, each from 1 to 249), e.g. 1+10,3+100 (got '0+1' in '0+1')",
            "--sizes 3x100    | --sizes must be a comma-separated list of P+N pairs (P primaries, N remotes, each from 1 to 249), e.g. 1+10,3+100 (got '3x100' in '3x100')",
            "--sizes 1+1,1+1  | --sizes lists 1+1 twice",
            "--sizes 1+1 --remotes 2 | give --sizes, or --remotes and --primaries, not both",
            "--remotes 1 --remotes 2 | option --remotes given twice",
    })
    void badOptions(String args, String message) {
        var error = assertThrows(io.istiomc.command.UsageException.class, () -> Benchmark.parse(split(args)));
        assertEquals(message, error.getMessage());
    }

    private static List<String> split(String args) {
        return new ArrayList<>(List.of(args.trim().split(" +")));
    }
}
