package io.istiomc.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.istiomc.command.ExitStatus;
import io.istiomc.command.Options;
import io.istiomc.command.UsageException;
import io.istiomc.config.InvalidConfigException;
import io.istiomc.config.MeshSize;
import io.istiomc.plan.Plan;
import io.istiomc.plan.PlanRunner;
import io.istiomc.plan.RecordedResource;
import io.istiomc.program.ApiServers;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench [--remotes 1,10,50,200] [--primaries 1,3,10] [--sizes 1+10,3+100] [--json FILE] [--markdown]}: how the program's
 * evaluation time and memory, the number of resources and the deployment's critical path grow with
 * the number of remotes and of primaries (each primary watches every other cluster, so remote
 * secrets grow as primaries x clusters), and
 * how long the README's main command takes from a cold JVM. It reports; it exits 0 whether or not
 * the targets are met (1 on a usage or run error).
 */
public final class Benchmark {
    public static final List<Integer> DEFAULT_REMOTES = List.of(1, 10, 50, 200);
    public static final List<Integer> DEFAULT_PRIMARIES = List.of(1);
    /**
     * The largest count of remotes or primaries: a mesh has at most {@link MeshSize#MAX_CLUSTERS}
     * clusters, one of them a primary. Every size measured must also be a mesh the stack config
     * accepts ({@link MeshSize}), so that a run is bounded to minutes.
     */
    public static final int MAX_REMOTES = MeshSize.MAX_CLUSTERS - 1;
    /**
     * Plans of 1+{@value #WARM_UP_REMOTES} run before measuring, so that class loading and JIT
     * compilation do not count: at least {@value #MIN_WARM_UP_RUNS}, and more (up to
     * {@value #MAX_WARM_UP_RUNS}) until one is within {@value #WARM_UP_SETTLED_PERCENT}% of the one before.
     */
    static final int WARM_UP_REMOTES = 50;
    static final int MIN_WARM_UP_RUNS = 2;
    static final int MAX_WARM_UP_RUNS = 5;
    static final int WARM_UP_SETTLED_PERCENT = 10;
    /** Sizes up to this many remotes are planned {@value #REPEATS} times and the fastest run counts; larger ones once. */
    static final int REPEAT_UP_TO_REMOTES = 50;
    static final int REPEATS = 3;

    static final long TARGET_EVAL_10_MILLIS = 1_000;
    static final long TARGET_EVAL_200_MILLIS = 20_000;
    static final long TARGET_HEAP_200_MB = 512;
    static final double TARGET_DEPLOY_RATIO_10_TO_1 = 1.5;
    static final int TARGET_CORES = 2;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Benchmark() {
    }

    /** The parsed command line. */
    record Settings(List<Integer> remotes, List<Integer> primaries, Optional<Path> json, boolean markdown,
                    List<Size> explicitSizes) {
        /** What is measured, in order: {@code --sizes} as given, else every primaries x remotes pair. */
        List<Size> sizes() {
            if (!explicitSizes.isEmpty()) {
                return explicitSizes;
            }
            var sizes = new ArrayList<Size>();
            primaries.forEach(p -> remotes.forEach(n -> sizes.add(new Size(p, n))));
            return sizes;
        }
    }

    /** P primaries and N remotes. */
    record Size(int primaries, int remotes) {
    }

    /** One measured size. */
    record Row(int primaries, int remotes, long evalMillis, long peakHeapMB, long heapAfterGcMB, int resources,
               double resourcesPerRemote, int criticalPathSteps, double simulatedDeploySeconds,
               double serialDeploySeconds, CriticalPath.Result criticalPath) {
    }

    /** A target and whether it was met; {@code met} is empty when the run did not measure it. */
    record Target(String description, Optional<Boolean> met, String detail) {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--upgrade")) {
            return UpgradeSteps.run(args, out, err);
        }
        var settings = parse(args);
        try {
            if (settings.json().isPresent()) {
                checkWritable(settings.json().get());
            }
            return measure(settings, out, err);
        } catch (InvalidConfigException | PlanRunner.PlanFailedException e) {
            err.println("error: the benchmark stack could not be planned: " + e.getMessage());
            return ExitStatus.FAILED;
        } catch (IOException e) {
            err.println("error: " + io.istiomc.config.Printable.escape(String.valueOf(e.getMessage())));
            return ExitStatus.FAILED;
        }
    }

    /**
     * Reads {@code --remotes} (comma-separated whole numbers of at least 1, no repeats; default
     * 1,10,50,200; measured in ascending order) and {@code --json}.
     *
     * @throws UsageException naming the option and what is wrong
     */
    static Settings parse(List<String> args) {
        // --markdown is a flag; the shared option parser reads name-value pairs only
        var markdown = args.contains("--markdown");
        var options = Options.parse(args.stream().filter(a -> !a.equals("--markdown")).toList(),
                List.of("--remotes", "--primaries", "--sizes", "--json"));
        var sizes = options.value("--sizes").map(Benchmark::parseSizes).orElse(List.of());
        if (!sizes.isEmpty() && (options.value("--remotes").isPresent() || options.value("--primaries").isPresent())) {
            throw new UsageException("give --sizes, or --remotes and --primaries, not both");
        }
        var remotes = options.value("--remotes").map(Benchmark::parseRemotes).orElse(DEFAULT_REMOTES);
        var primaries = options.value("--primaries").map(Benchmark::parsePrimaries).orElse(DEFAULT_PRIMARIES);
        var json = options.value("--json").map(file -> {
            if (file.isBlank()) {
                throw new UsageException("--json needs a file name");
            }
            return Path.of(file);
        });
        var settings = new Settings(remotes, primaries, json, markdown, sizes);
        // The same bound as a stack's: no size runs that the program would refuse to plan.
        for (var size : settings.sizes()) {
            MeshSize.check(size.primaries(), size.primaries() + size.remotes()).ifPresent(problem -> {
                throw new UsageException("size " + size.primaries() + "+" + size.remotes() + " " + problem);
            });
        }
        return settings;
    }

    /** {@code --sizes}: comma-separated {@code P+N} pairs (P primaries, N remotes), each count bounded like the others; no repeats. */
    private static List<Size> parseSizes(String text) {
        var sizes = new ArrayList<Size>();
        for (var part : text.split(",", -1)) {
            var item = part.trim();
            var m = java.util.regex.Pattern.compile("(\\d{1,4})\\+(\\d{1,4})").matcher(item);
            if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(2)) < 1
                    || Integer.parseInt(m.group(1)) > MAX_REMOTES || Integer.parseInt(m.group(2)) > MAX_REMOTES) {
                throw new UsageException("--sizes must be a comma-separated list of P+N pairs (P primaries, N remotes, each"
                        + " from 1 to " + MAX_REMOTES + "), e.g. 1+10,3+100 (got '" + item + "' in '" + text + "')");
            }
            var size = new Size(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            if (sizes.contains(size)) {
                throw new UsageException("--sizes lists " + item + " twice");
            }
            sizes.add(size);
        }
        return List.copyOf(sizes);
    }

    /** {@code --primaries}: comma-separated whole numbers of at least 1, no repeats; measured in ascending order. */
    private static List<Integer> parsePrimaries(String text) {
        var sizes = new TreeSet<Integer>();
        for (var part : text.split(",", -1)) {
            var item = part.trim();
            if (!item.matches("\\d{1,4}") || Integer.parseInt(item) < 1 || Integer.parseInt(item) > MAX_REMOTES) {
                throw new UsageException("--primaries must be a comma-separated list of whole numbers from 1 to "
                        + MAX_REMOTES + ", e.g. 1,3,10 (got '" + item + "' in '" + text + "')");
            }
            if (!sizes.add(Integer.parseInt(item))) {
                throw new UsageException("--primaries lists " + item + " twice");
            }
        }
        return List.copyOf(sizes);
    }

    private static List<Integer> parseRemotes(String text) {
        var sizes = new TreeSet<Integer>();
        if (text.isBlank()) {
            throw new UsageException("--remotes needs a comma-separated list of remote counts, e.g. 1,10,50,200");
        }
        for (var part : text.split(",", -1)) {
            var item = part.trim();
            if (!item.matches("\\d{1,6}")) {
                throw new UsageException("--remotes must be a comma-separated list of whole numbers, e.g. 1,10,50,200 (got '"
                        + item + "' in '" + text + "')");
            }
            int n = Integer.parseInt(item);
            if (n > MAX_REMOTES) {
                throw new UsageException("--remotes counts must be at most " + MAX_REMOTES + " (got " + n + ")");
            }
            if (n < 1) {
                throw new UsageException("--remotes counts must be at least 1 (got " + n
                        + "); the baseline without remotes is always computed");
            }
            if (!sizes.add(n)) {
                throw new UsageException("--remotes lists " + n + " twice");
            }
        }
        return List.copyOf(sizes);
    }

    /** Fails now, not after minutes of measuring, when the report could not be written. */
    private static void checkWritable(Path file) throws IOException {
        var parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (Files.isDirectory(file)) {
            throw new IOException("--json names a directory: " + file);
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new IOException("--json names a file this user may not write: " + file);
        }
        // A probe file next to it proves the directory takes new files.
        Files.delete(Files.createTempFile(parent, ".bench-", ".probe"));
    }

    private static int measure(Settings settings, PrintStream out, PrintStream err) throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        String java = System.getProperty("java.version");
        long maxHeapMB = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        double loadBefore = loadAverage();

        int warmUps = warmUp(err);
        var rows = new ArrayList<Row>();
        var baselines = new LinkedHashMap<Integer, Integer>();
        for (var size : settings.sizes()) {
            int primaries = size.primaries();
            if (!baselines.containsKey(primaries)) {
                err.println("baseline: " + primaries + " primaries, extrapolated from " + primaries + " and " + 2 * primaries
                        + " remotes");
                // A primary without remotes neither exposes istiod nor, on one network, runs a gateway: the baseline
                // is what P+N has apart from the N remotes' share, once every primary serves remotes (N >= P).
                baselines.put(primaries, 2 * customCount(plan(primaries, primaries).resources())
                        - customCount(plan(primaries, 2 * primaries).resources()));
            }
            rows.add(measureSize(primaries, size.remotes(), baselines.get(primaries), err));
        }

        err.println("cold start: java -jar ... plan --stack dev, best of " + ColdStart.RUNS);
        var coldStart = ColdStart.measure(Path.of("").toAbsolutePath());

        var targets = targets(rows, cores);
        var machine = String.format(Locale.ROOT, "%d cores, Java %s, max heap %d MB, load average %.2f before and %.2f after",
                cores, java, maxHeapMB, loadBefore, loadAverage());
        out.print(settings.markdown() ? markdown(rows, coldStart, targets, machine)
                : table(rows, baselines, warmUps, coldStart, targets, machine));
        if (settings.json().isPresent()) {
            var file = settings.json().get();
            var parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, JSON.writeValueAsString(json(rows, coldStart, cores, java)) + "\n");
            err.println("wrote " + file);
        }
        return ExitStatus.OK;
    }

    /** Plans P+N (the fastest of {@value #REPEATS} up to {@value #REPEAT_UP_TO_REMOTES} remotes) and measures it. */
    private static Row measureSize(int primaries, int n, int baseline, PrintStream err) {
        int repeats = n <= REPEAT_UP_TO_REMOTES ? REPEATS : 1;
        err.println("measuring " + primaries + "+" + n + (repeats > 1 ? " (fastest of " + repeats + ")" : ""));
        long evalMillis = Long.MAX_VALUE;
        long peakUsed = 0;
        long peakAfterGc = 0;
        Plan plan = null;
        for (int i = 0; i < repeats; i++) {
            var measured = HeapSampler.measure(() -> plan(primaries, n));
            evalMillis = Math.min(evalMillis, TimeUnit.NANOSECONDS.toMillis(measured.elapsedNanos()));
            peakUsed = Math.max(peakUsed, measured.peakUsedBytes());
            peakAfterGc = Math.max(peakAfterGc, measured.peakAfterGcBytes());
            plan = measured.value();
        }
        var resources = plan.resources();
        int count = customCount(resources);
        var path = CriticalPath.of(resources);
        return new Row(primaries, n, evalMillis, megabytes(peakUsed), megabytes(peakAfterGc), count,
                (count - baseline) / (double) n, path.slowSteps(), path.seconds(),
                CriticalPath.serialSeconds(resources), path);
    }

    /** Warm-up plans; returns how many ran. */
    private static int warmUp(PrintStream err) {
        long previous = -1;
        for (int i = 1; i <= MAX_WARM_UP_RUNS; i++) {
            long start = System.nanoTime();
            plan(WARM_UP_REMOTES);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            err.println("warm-up " + i + ": 1+" + WARM_UP_REMOTES + " in " + millis + " ms");
            boolean settled = previous > 0 && Math.abs(millis - previous) * 100 <= WARM_UP_SETTLED_PERCENT * previous;
            if (i >= MIN_WARM_UP_RUNS && settled) {
                return i;
            }
            previous = millis;
        }
        return MAX_WARM_UP_RUNS;
    }

    private static long megabytes(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0));
    }

    /** The plan of 1 primary and {@code remotes} remotes. */
    static Plan plan(int remotes) {
        return plan(1, remotes);
    }

    /** The plan of {@code primaries} primaries and {@code remotes} remotes. Plans run one at a time (the SDK's test harness is a singleton). */
    static Plan plan(int primaries, int remotes) {
        var config = BenchStack.of(primaries, remotes);
        var warnings = new ArrayList<String>();
        var apiServers = ApiServers.resolve(config, ApiServers.Mode.PLAN, List.of(), warnings);
        return PlanRunner.run(BenchStack.STACK, ApiServers.withApiServers(config.mesh(), apiServers), apiServers, warnings);
    }

    /** Custom resources only: components register nothing in a cluster. */
    static int customCount(List<RecordedResource> resources) {
        return (int) resources.stream().filter(RecordedResource::custom).count();
    }

    static List<Target> targets(List<Row> allRows, int cores) {
        // The targets are for one primary; per-remote constancy is checked for each number of primaries.
        var rows = allRows.stream().filter(r -> r.primaries() == 1).toList();
        var byRemotes = new LinkedHashMap<Integer, Row>();
        rows.forEach(r -> byRemotes.put(r.remotes(), r));
        var one = Optional.ofNullable(byRemotes.get(1));
        var ten = Optional.ofNullable(byRemotes.get(10));
        var twoHundred = Optional.ofNullable(byRemotes.get(200));
        var onCores = cores == TARGET_CORES ? "" : " (targets are for " + TARGET_CORES + " cores; this machine has " + cores + ")";
        var targets = new ArrayList<Target>();

        var perRemote = new LinkedHashMap<Integer, List<Double>>();
        allRows.forEach(r -> perRemote.computeIfAbsent(r.primaries(), p -> new ArrayList<>()).add(r.resourcesPerRemote()));
        boolean constant = perRemote.values().stream().allMatch(list -> list.stream().distinct().count() == 1);
        var perPrimaries = new ArrayList<String>();
        perRemote.forEach((p, list) -> perPrimaries.add(p + " primaries: " + list.stream().distinct().map(Benchmark::number).toList()));
        targets.add(new Target("resources per remote constant (for a number of primaries)",
                allRows.isEmpty() ? Optional.empty() : Optional.of(constant), String.join("; ", perPrimaries)));
        targets.add(new Target("1+10 evaluates in under 1 s" + onCores,
                ten.map(r -> r.evalMillis() < TARGET_EVAL_10_MILLIS),
                ten.map(r -> r.evalMillis() + " ms").orElse("not measured: add 10 to --remotes")));
        targets.add(new Target("1+200 evaluates in under 20 s" + onCores,
                twoHundred.map(r -> r.evalMillis() < TARGET_EVAL_200_MILLIS),
                twoHundred.map(r -> r.evalMillis() + " ms").orElse("not measured: add 200 to --remotes")));
        targets.add(new Target("peak heap under 512 MB at 1+200",
                twoHundred.map(r -> r.peakHeapMB() < TARGET_HEAP_200_MB),
                twoHundred.map(r -> r.peakHeapMB() + " MB used, " + r.heapAfterGcMB() + " MB after GC")
                        .orElse("not measured: add 200 to --remotes")));

        var steps = rows.stream().map(Row::criticalPathSteps).distinct().toList();
        targets.add(new Target("critical path does not grow with remotes",
                rows.size() < 2 ? Optional.empty() : Optional.of(steps.size() == 1),
                rows.size() < 2 ? "needs two sizes" : steps.size() == 1 ? steps.get(0) + " slow steps at every size"
                        : "slow steps by size: " + steps));
        targets.add(new Target("1+10 deploys in under 1.5x the time of 1+1",
                one.isPresent() && ten.isPresent()
                        ? Optional.of(ten.get().simulatedDeploySeconds() < TARGET_DEPLOY_RATIO_10_TO_1 * one.get().simulatedDeploySeconds())
                        : Optional.empty(),
                one.isPresent() && ten.isPresent()
                        ? number(ten.get().simulatedDeploySeconds()) + " s vs " + number(one.get().simulatedDeploySeconds()) + " s"
                        : "not measured: --remotes needs 1 and 10"));
        return targets;
    }

    /** The 1-minute system load average; other processes on the machine slow the figures down. -1 where unknown. */
    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static String table(List<Row> rows, Map<Integer, Integer> baselines, int warmUps, ColdStart.Result coldStart, List<Target> targets,
                        String machine) {
        var text = new StringBuilder();
        text.append("istio-multicluster bench: P primaries + N remotes, program evaluated offline (plan) after "
                + warmUps + " warm-up plans of 1+" + WARM_UP_REMOTES + "\n");
        text.append("machine: " + machine + "\n");
        text.append("cold start (java -jar ... plan --stack dev, best of " + ColdStart.RUNS + "): "
                + (coldStart.millis() < 0 ? "not measured: " + coldStart.note() : coldStart.millis() + " ms") + "\n");
        baselines.forEach((p, baseline) -> text.append("baseline (" + p + " primaries, without the remotes' share): "
                + baseline + " resources\n"));
        text.append("\n");
        var format = "%9s %7s %8s %8s %9s %10s %10s %10s %11s %9s%n";
        text.append(String.format(Locale.ROOT, format, "primaries", "remotes", "eval ms", "heap MB", "after GC", "resources",
                "per remote", "path steps", "simulated s", "serial s"));
        for (var row : rows) {
            text.append(String.format(Locale.ROOT, format, row.primaries(), row.remotes(), row.evalMillis(), row.peakHeapMB(),
                    row.heapAfterGcMB(), row.resources(), number(row.resourcesPerRemote()), row.criticalPathSteps(),
                    number(row.simulatedDeploySeconds()), number(row.serialDeploySeconds())));
        }
        if (!rows.isEmpty()) {
            var largest = rows.get(rows.size() - 1);
            text.append("\ncritical path at " + largest.primaries() + "+" + largest.remotes() + ": " + largest.criticalPath().describeSlowSteps() + "\n");
        }
        text.append("eval: fastest of " + REPEATS + " up to 1+" + REPEAT_UP_TO_REMOTES + ", else one run. heap: peak used heap"
                + " sampled every " + HeapSampler.INTERVAL_MILLIS + " ms (garbage included); after GC: peak heap left after a"
                + " collection.\nsimulated: longest chain of documented step latencies, unbounded parallelism;"
                + " serial: the guide's steps one by one, plus its manual waits. path steps: steps of 10 s or more.\n");
        text.append("\ntargets\n");
        for (var target : targets) {
            var verdict = target.met().map(met -> met ? "PASS" : "MISS").orElse("n/a ");
            text.append("  " + verdict + "  " + target.description() + ": " + target.detail() + "\n");
        }
        return text.toString();
    }

    /** The first line of {@link #markdown}: the README's generated block starts with it. */
    static final String MARKDOWN_NOTICE = "<!-- generated by scripts/readme-bench.sh from `bench --markdown`: do not edit by hand -->";
    static final String MARKDOWN_HEADER = "| primaries | remotes | eval ms | peak heap MB (after GC) | resources | per remote"
            + " | slow steps on path | simulated `pulumi up` | guide by hand |";
    /** One row of {@link #markdown}'s table, as a pattern. */
    static final String MARKDOWN_ROW = "\\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\((\\d+)\\) \\| (\\d+) \\| ([\\d.]+) \\| (\\d+)"
            + " \\| ([\\d.]+) s \\| ([\\d.]+ (?:s|min|h)) \\|";

    /** The figures as the README shows them: a notice, the table, the cold start and the critical path. */
    static String markdown(List<Row> rows, ColdStart.Result coldStart, List<Target> targets, String machine) {
        var text = new StringBuilder(MARKDOWN_NOTICE).append("\n\n");
        long passed = targets.stream().filter(t -> t.met().orElse(false)).count();
        text.append("Latest run (").append(machine).append("; ").append(passed).append(" of ").append(targets.size())
                .append(" targets PASS):\n\n");
        text.append(MARKDOWN_HEADER).append("\n|---|---|---|---|---|---|---|---|---|\n");
        for (var row : rows) {
            text.append(String.format(Locale.ROOT, "| %d | %d | %d | %d (%d) | %d | %s | %d | %s s | %s |%n", row.primaries(), row.remotes(),
                    row.evalMillis(), row.peakHeapMB(), row.heapAfterGcMB(), row.resources(), number(row.resourcesPerRemote()),
                    row.criticalPathSteps(), number(row.simulatedDeploySeconds()), humanDuration(row.serialDeploySeconds())));
        }
        text.append("\nCold start of `plan --stack dev` (JVM start to plan printed): ")
                .append(coldStart.millis() < 0 ? "not measured (" + coldStart.note() + ")"
                        : number(Math.round(coldStart.millis() / 100.0) / 10.0) + " s").append('.');
        if (!rows.isEmpty()) {
            var largest = rows.get(rows.size() - 1);
            var sameEverywhere = rows.stream().allMatch(r -> r.simulatedDeploySeconds() == largest.simulatedDeploySeconds()
                    && r.criticalPathSteps() == largest.criticalPathSteps());
            text.append(" The critical path at ").append(largest.primaries()).append('+').append(largest.remotes()).append(" has ").append(largest.criticalPathSteps())
                    .append(" slow steps, ").append(number(largest.simulatedDeploySeconds())).append(" s: ")
                    .append(largest.criticalPath().describeSlowSteps()).append('.')
                    .append(sameEverywhere ? " It is as long at every size: the remotes (and the primaries) roll out in parallel." : "");
        }
        return text.append('\n').toString();
    }

    /** Seconds under 10 minutes, minutes under 3 hours, else hours. */
    static String humanDuration(double seconds) {
        if (seconds < 600) {
            return number(Math.round(seconds)) + " s";
        }
        if (seconds < 3 * 3600) {
            return number(Math.round(seconds / 60)) + " min";
        }
        return number(Math.round(seconds / 360) / 10.0) + " h";
    }

    static Map<String, Object> json(List<Row> rows, ColdStart.Result coldStart, int cores, String java) {
        var root = new LinkedHashMap<String, Object>();
        var machine = new LinkedHashMap<String, Object>();
        machine.put("cores", cores);
        machine.put("java", java);
        root.put("machine", machine);
        root.put("coldStartMillis", coldStart.millis());
        var list = new ArrayList<Map<String, Object>>();
        for (var row : rows) {
            var item = new LinkedHashMap<String, Object>();
            item.put("primaries", row.primaries());
            item.put("remotes", row.remotes());
            item.put("evalMillis", row.evalMillis());
            item.put("peakHeapMB", row.peakHeapMB());
            item.put("resources", row.resources());
            item.put("resourcesPerRemote", row.resourcesPerRemote());
            item.put("criticalPathSteps", row.criticalPathSteps());
            item.put("simulatedDeploySeconds", row.simulatedDeploySeconds());
            item.put("serialDeploySeconds", row.serialDeploySeconds());
            list.add(item);
        }
        root.put("rows", list);
        return root;
    }

    private static String number(double value) {
        return CriticalPath.format(value);
    }
}
