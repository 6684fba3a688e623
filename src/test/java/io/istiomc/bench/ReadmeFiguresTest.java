package io.istiomc.bench;

import io.istiomc.testing.StackFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark figures the README links to ({@code docs/performance.md}) are {@code bench --markdown} output put
 * there by {@code scripts/readme-bench.sh}:
 * the block has the generated shape, and the figures that do not depend on the machine (resources, slow steps,
 * simulated and by-hand durations) are what the program gives today.
 */
class ReadmeFiguresTest {
    @Test
    @DisplayName("the benchmark block of docs/performance.md is bench --markdown output, and its machine-independent figures are today's")
    void readmeBlockIsGenerated() throws IOException {
        var readme = Files.readString(StackFile.projectRoot().resolve("docs/performance.md"));
        var begin = readme.indexOf("<!-- bench:begin -->\n");
        var end = readme.indexOf("<!-- bench:end -->");
        assertTrue(begin >= 0 && end > begin, "docs/performance.md has no <!-- bench:begin --> ... <!-- bench:end --> block");
        var lines = readme.substring(begin, end).lines().skip(1).toList();
        assertEquals(Benchmark.MARKDOWN_NOTICE, lines.get(0));
        assertTrue(lines.get(2).matches("Latest run \\(\\d+ cores, Java .+; \\d+ of \\d+ targets PASS\\):"), lines.get(2));
        assertEquals(Benchmark.MARKDOWN_HEADER, lines.get(4));
        var row = Pattern.compile(Benchmark.MARKDOWN_ROW);
        var paths = new java.util.HashMap<String, CriticalPath.Result>();
        int i = 6;
        int rows = 0;
        for (; i < lines.size() && lines.get(i).startsWith("|"); i++, rows++) {
            var m = row.matcher(lines.get(i));
            assertTrue(m.matches(), "not a generated row: " + lines.get(i));
            int primaries = Integer.parseInt(m.group(1));
            int remotes = Integer.parseInt(m.group(2));
            var plan = Benchmark.plan(primaries, remotes);
            var path = CriticalPath.of(plan.resources());
            var what = primaries + "+" + remotes;
            paths.put(what, path);
            assertEquals(Benchmark.customCount(plan.resources()), Integer.parseInt(m.group(6)), what + " resources");
            assertEquals(path.slowSteps(), Integer.parseInt(m.group(8)), what + " slow steps");
            assertEquals(CriticalPath.format(path.seconds()), m.group(9), what + " simulated seconds");
            assertEquals(Benchmark.humanDuration(CriticalPath.serialSeconds(plan.resources())), m.group(10), what + " by hand");
        }
        assertTrue(rows > 0, "the table has no rows");
        var rest = String.join("\n", lines.subList(i, lines.size())).trim();
        var sentence = Pattern.compile("Cold start of `plan --stack dev` \\(JVM start to plan printed\\): [\\d.]+ s\\."
                + " The critical path at (\\d+\\+\\d+) has (\\d+) slow steps, ([\\d.]+) s: (.+?)\\.( It is as long at every size: the remotes \\(and the primaries\\) roll out in parallel\\.)?")
                .matcher(rest);
        assertTrue(sentence.matches(), "not the generated sentence: " + rest);
        var largest = paths.get(sentence.group(1));
        assertTrue(largest != null, "the critical-path sentence names a size the table lacks: " + sentence.group(1));
        assertEquals(String.valueOf(largest.slowSteps()), sentence.group(2));
        assertEquals(largest.describeSlowSteps(), sentence.group(4));
    }

    @Test
    @DisplayName("durations read as the README shows them")
    void humanDurations() {
        assertEquals(List.of("590 s", "57 min", "4.4 h"), List.of(Benchmark.humanDuration(590),
                Benchmark.humanDuration(3420), Benchmark.humanDuration(15840)));
        assertFalse(Optional.of(Benchmark.humanDuration(599.4)).get().contains("min"));
    }
}
