package io.istiomc.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's stack files, and typed edits of one of them: the file is read as a YAML tree and
 * changed key by key, so an edit never depends on how the file spells or orders its keys.
 */
public final class StackFile {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();

    private final String name;
    private final ObjectNode root;

    private StackFile(String name, ObjectNode root) {
        this.name = name;
        this.root = root;
    }

    /** The project directory: the nearest directory, from the working directory up, holding {@code Pulumi.yaml}. */
    public static Path projectRoot() {
        var dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("Pulumi.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no Pulumi.yaml in " + Path.of("").toAbsolutePath() + " or above");
        }
        return dir;
    }

    /** Every stack of the project: {@code Pulumi.dev.yaml} and each {@code stacks/Pulumi.*.yaml}, sorted by name. */
    public static List<Path> all() {
        var root = projectRoot();
        var files = new ArrayList<Path>();
        files.add(root.resolve("Pulumi.dev.yaml"));
        try (Stream<Path> stacks = Files.list(root.resolve("stacks"))) {
            stacks.filter(p -> p.getFileName().toString().matches("Pulumi\\..+\\.yaml")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The stack name of a stack file: {@code Pulumi.<stack>.yaml}. */
    public static String stackName(Path file) {
        return file.getFileName().toString().replaceAll("^Pulumi\\.|\\.yaml$", "");
    }

    /** The dev stack, {@code Pulumi.dev.yaml}, the one a fresh clone plans. */
    public static StackFile dev() {
        return read(projectRoot().resolve("Pulumi.dev.yaml"));
    }

    public static StackFile read(Path file) {
        try {
            return new StackFile(stackName(file), (ObjectNode) YAML.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    /** Typed edits of the file's {@code config:} ({@link StackYaml#set}, {@link StackYaml#remove}). */
    public StackYaml edit() {
        return new StackYaml((ObjectNode) root.required("config"));
    }

    /** Sets {@code istio-multicluster:istio.chartRepository}. */
    public StackFile chartRepository(String url) {
        edit().chartRepository(url);
        return this;
    }

    /** The same stack under another name, to edit ({@link #edit()}) apart from this one. */
    public StackFile renamed(String newName) {
        return new StackFile(newName, root.deepCopy());
    }

    /** The same stack under another name, with the cluster's {@code gateway.address} set. */
    public StackFile withGatewayAddress(String newName, String clusterName, String address) {
        var copy = new StackFile(newName, root.deepCopy());
        var clusters = copy.root.required("config").required("istio-multicluster:clusters");
        for (var cluster : clusters) {
            if (cluster.path("name").asText().equals(clusterName)) {
                var gateway = cluster.has("gateway") ? (ObjectNode) cluster.get("gateway") : ((ObjectNode) cluster).putObject("gateway");
                gateway.put("address", address);
                return copy;
            }
        }
        throw new IllegalArgumentException("stack " + name + " has no cluster " + clusterName);
    }

    public String yaml() {
        return write(root);
    }

    /** A stack file's text, from its tree. */
    static String write(JsonNode root) {
        try {
            return YAML.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the edited stack as {@code dir/subdir/Pulumi.<stack>.yaml}, making {@code subdir} first. */
    public Path writeTo(Path dir, String subdir) {
        try {
            return writeTo(Files.createDirectories(dir.resolve(subdir)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the edited stack as {@code dir/Pulumi.<stack>.yaml}. */
    public Path writeTo(Path dir) {
        var file = dir.resolve("Pulumi." + name + ".yaml");
        try {
            Files.writeString(file, yaml());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
