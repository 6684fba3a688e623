package io.istiomc.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.istiomc.testing.CliRun;
import io.istiomc.testing.StackFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One stack as a cluster would receive it: {@code plan --out} of the stack file with its
 * {@code istio.chartRepository} pointed at the test's chart repository, and every Helm release of it
 * rendered by {@code helm template}.
 *
 * @param name     the stack
 * @param out      the {@code plan --out} directory
 * @param clusters every cluster, in the plan's order
 */
record RenderedStack(String name, Path out, List<Cluster> clusters) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One cluster of the stack.
     *
     * @param gatewayAddress its east-west gateway's address as the plan knows it (simulated where only a live cluster would)
     * @param objects        the program's own objects, by file name ({@code DIR/<cluster>/*.yaml})
     * @param patches        changes to objects a release owns ({@code DIR/<cluster>/patches/})
     * @param releases       every object each release renders, by release name
     */
    record Cluster(String name, String role, String network, String gatewayAddress, List<JsonNode> objects,
                   List<JsonNode> patches, Map<String, List<JsonNode>> releases, Map<String, Helm.Release> releaseFiles) {
        /** Every object the release renders, or none when the cluster has no such release. */
        List<JsonNode> release(String release) {
            return releases.getOrDefault(release, List.of());
        }

        /** Our objects and every release's, each once. */
        Stream<JsonNode> everything() {
            return Stream.concat(objects.stream(), releases.values().stream().flatMap(List::stream));
        }
    }

    /** Plans the stack file with the repository's URL (if it serves one) and renders every release. */
    static RenderedStack of(Path stackFile, ChartRepository repository, Helm helm) {
        return of(StackFile.read(stackFile), repository, helm);
    }

    /** Plans the (edited) stack with the repository's URL (if it serves one) and renders every release. */
    static RenderedStack of(StackFile stack, ChartRepository repository, Helm helm) {
        try {
            var work = Files.createTempDirectory("rendered-" + stack.name());
            repository.url().ifPresent(stack::chartRepository);
            var edited = stack.writeTo(work);
            var out = work.resolve("out");
            var written = CliRun.run("plan", "--config-file", edited.toString(), "--out", out.toString());
            if (written.exitCode() != 0) {
                throw new IllegalStateException("plan --out of stack " + stack.name() + " failed: " + written.all());
            }
            var json = CliRun.run("plan", "--config-file", edited.toString(), "--format", "json");
            if (json.exitCode() != 0) {
                throw new IllegalStateException("plan --format json of stack " + stack.name() + " failed: " + json.all());
            }
            var clusters = JSON.readTree(json.out()).path("clusters");
            var result = new java.util.ArrayList<Cluster>();
            for (var cluster : clusters) {
                var name = cluster.path("name").asText();
                var dir = out.resolve(name);
                var releases = new LinkedHashMap<String, List<JsonNode>>();
                var releaseFiles = new LinkedHashMap<String, Helm.Release>();
                for (var release : Helm.Release.allIn(dir)) {
                    releases.put(release.name(), helm.template(release));
                    releaseFiles.put(release.name(), release);
                }
                result.add(new Cluster(name, cluster.path("role").asText(), cluster.path("network").asText(),
                        cluster.path("gatewayAddress").path("value").asText(), objectsIn(dir), objectsIn(dir.resolve("patches")),
                        releases, releaseFiles));
            }
            return new RenderedStack(stack.name(), out, List.copyOf(result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Cluster cluster(String name) {
        return clusters.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("stack " + this.name + " has no cluster " + name));
    }

    @Override
    public String toString() {
        return name;
    }

    private static List<JsonNode> objectsIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().map(p -> {
                try {
                    return KubeClient.parse(Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
