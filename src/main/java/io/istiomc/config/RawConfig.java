package io.istiomc.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Stack configuration as Pulumi hands it to a program: full keys ({@code istio-multicluster:clusters})
 * to strings, structured values as JSON text. The same shape comes from the engine and from a stack
 * file read offline, so one reader validates both. Read offline, it also holds what the file itself
 * gets wrong by key ({@link #problems()}, reported with the reader's) and what the plan cannot know
 * ({@link #warnings()}).
 */
public final class RawConfig {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What an encrypted stack value ({@code secure: v1:...}) reads as offline, where it cannot be
     * decrypted. The reader takes it as an inline kubeconfig; nothing prints it.
     */
    public static final String ENCRYPTED = "[encrypted in the stack file: not decrypted offline]";

    /**
     * Stand-ins for encrypted values whose form the reader checks (a URL, a DNS name), by the last
     * segment of their key: the plan goes on with them, says so in a warning, and they are plainly not
     * real ({@code .invalid} is reserved by RFC 2606). Any other encrypted value reads as {@link #ENCRYPTED}.
     */
    static final Map<String, String> ENCRYPTED_PLACEHOLDERS = Map.of(
            "apiServer", "https://api-server.encrypted.invalid:6443",
            "chartRepository", "https://charts.encrypted.invalid",
            "tlsServerName", "api-server.encrypted.invalid",
            "address", "gateway.encrypted.invalid");

    private final Map<String, String> values;
    private final List<ConfigProblem> problems;
    private final List<String> warnings;

    public RawConfig(Map<String, String> values) {
        this(values, List.of(), List.of());
    }

    private RawConfig(Map<String, String> values, List<ConfigProblem> problems, List<String> warnings) {
        this.values = new TreeMap<>(values);
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
    }

    /** Every key, with its value, in key order. */
    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    public Optional<String> get(String fullKey) {
        return Optional.ofNullable(values.get(fullKey));
    }

    /** What the stack file gets wrong about its keys (e.g. one key given twice), each by key. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    /** What an offline reading cannot know (encrypted values, ESC environments), one line each. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The configuration of a running Pulumi program: {@code PULUMI_CONFIG} names every key; the
     * values are read through the SDK's config.
     */
    public static RawConfig fromEngine(String pulumiConfigJson, Function<String, Optional<String>> lookup) {
        var result = new TreeMap<String, String>();
        try {
            var keys = JSON.readTree(pulumiConfigJson == null || pulumiConfigJson.isBlank() ? "{}" : pulumiConfigJson);
            keys.fieldNames().forEachRemaining(key -> {
                var shortKey = key.startsWith(StackConfig.NAMESPACE + ":") ? key.substring(StackConfig.NAMESPACE.length() + 1) : null;
                var value = shortKey == null ? Optional.<String>empty() : lookup.apply(shortKey);
                result.put(key, value.orElseGet(() -> keys.get(key).asText()));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("PULUMI_CONFIG is not JSON", e);
        }
        return new RawConfig(result);
    }

    /**
     * The {@code config:} block of a stack file ({@code Pulumi.<stack>.yaml}), as the engine would pass it
     * (see {@link #fromStackFile(Path, Optional)}), without a project file.
     *
     * @throws YamlInput.RejectedInputException naming the file and line of what Pulumi would refuse
     */
    public static RawConfig fromStackFile(Path stackFile) throws IOException {
        return fromStackFile(stackFile, Optional.empty());
    }

    /**
     * The configuration a stack file ({@code Pulumi.<stack>.yaml}) gives the program, read as Pulumi reads
     * it: the values Go's yaml.v3 and Pulumi's loader make of the file ({@link YamlInput#readPulumiFile}),
     * keys without a namespace prefixed with the project's name, strings as they are, everything else
     * as JSON; then the project file's {@code config:} values for every key the stack does not set.
     *
     * @param projectFile the project's {@code Pulumi.yaml}, when there is one
     * @throws YamlInput.RejectedInputException naming the file and line of what Pulumi would refuse
     */
    public static RawConfig fromStackFile(Path stackFile, Optional<Path> projectFile) throws IOException {
        var source = "stack file '" + Printable.escape(stackFile.toString()) + "'";
        Optional<Project> project = Optional.empty();
        if (projectFile.isPresent()) {
            var projectSource = "project file '" + Printable.escape(projectFile.get().toString()) + "'";
            project = Optional.of(Project.of(YamlInput.readPulumiFile(projectFile.get(), projectSource), projectSource));
        }
        return fromDocument(YamlInput.readPulumiFile(stackFile, source), source, project);
    }

    /** As {@link #fromStackFile(Path)}, from the file's text. */
    public static RawConfig fromStackYaml(String stackYaml) throws IOException {
        return fromStackYaml(stackYaml, Optional.empty());
    }

    /** As {@link #fromStackFile(Path, Optional)}, from the files' text. */
    public static RawConfig fromStackYaml(String stackYaml, Optional<String> projectYaml) throws IOException {
        Optional<Project> project = Optional.empty();
        if (projectYaml.isPresent()) {
            project = Optional.of(Project.of(YamlInput.readPulumiText(projectYaml.get(), "project file"), "project file"));
        }
        return fromDocument(YamlInput.readPulumiText(stackYaml, "stack file"), "stack file", project);
    }

    /**
     * The project file Pulumi would use from {@code directory}: {@code Pulumi.yaml} (or {@code .yml})
     * there or in the nearest directory above, as the CLI looks for it.
     */
    public static Optional<Path> findProjectFile(Path directory) {
        for (var dir = directory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            for (var name : List.of("Pulumi.yaml", "Pulumi.yml")) {
                if (Files.isRegularFile(dir.resolve(name))) {
                    return Optional.of(dir.resolve(name));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * What a project file contributes: its name (the namespace of keys given without one) and the
     * values of its {@code config:} block, as Pulumi's {@code mergeConfig} applies them
     * ({@code sdk/go/common/workspace/config.go}): a plain value or a list is the key's value; a
     * declaration's {@code default} (else its {@code value}) is, when the stack does not set the key.
     */
    private record Project(String name, Map<String, String> values) {
        private static final java.util.Set<String> DECLARATION_KEYS = java.util.Set.of("type", "description", "secret",
                "items", "default", "value");

        static Project of(Object document, String source) throws YamlInput.RejectedInputException {
            if (!(document instanceof Map<?, ?> root) || !(root.get("name") instanceof String name) || name.isEmpty()) {
                throw new YamlInput.RejectedInputException(source + " has no 'name'; Pulumi requires the project's name");
            }
            var values = new TreeMap<String, String>();
            if (root.get("config") instanceof Map<?, ?> config) {
                for (var entry : config.entrySet()) {
                    var key = namespaced(name, String.valueOf(entry.getKey()));
                    Object value;
                    if (entry.getValue() instanceof Map<?, ?> declaration) {
                        if (!DECLARATION_KEYS.containsAll(declaration.keySet())) {
                            throw new YamlInput.RejectedInputException(source + ": config key '" + Printable.escape(
                                    String.valueOf(entry.getKey())) + "' holds a map that is not a declaration (" + String.join(", ",
                                    new java.util.TreeSet<>(DECLARATION_KEYS)) + "); Pulumi refuses the project file");
                        }
                        value = declaration.get("default") != null ? declaration.get("default") : declaration.get("value");
                    } else {
                        value = entry.getValue();
                    }
                    if (value != null) {
                        values.put(key, text(JSON.valueToTree(value)));
                    }
                }
            }
            return new Project(name, values);
        }
    }

    private static String namespaced(String projectName, String key) {
        // As Pulumi's stackConfigNamespacedWithProject: a key without ':' belongs to the project.
        return key.contains(":") ? key : projectName + ":" + key;
    }

    /** A value as the engine passes it: a string as it is, a number or boolean as Go's JSON writes it, the rest as JSON. */
    private static String text(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isDouble()) {
            return io.istiomc.config.PulumiYaml.jsonText(value.doubleValue());
        }
        return value.toString();
    }

    private static RawConfig fromDocument(Object document, String source, Optional<Project> project)
            throws YamlInput.RejectedInputException {
        if (document != null && !(document instanceof Map<?, ?>)) {
            throw new YamlInput.RejectedInputException(source + " is not a map of keys (Pulumi expects 'config:' at the top)");
        }
        var projectName = project.map(Project::name).orElse(StackConfig.NAMESPACE);
        var result = new TreeMap<String, String>();
        var spelledAs = new TreeMap<String, String>();
        var problems = new ArrayList<ConfigProblem>();
        var warnings = new ArrayList<String>();
        var stack = document == null ? Map.<String, Object>of() : (Map<?, ?>) document;
        if (stack.get("config") instanceof Map<?, ?> config) {
            for (var entry : config.entrySet()) {
                var written = String.valueOf(entry.getKey());
                var key = namespaced(projectName, written);
                var other = spelledAs.putIfAbsent(key, written);
                if (other != null) {
                    // Pulumi builds a Go map from both spellings: which one wins depends on its iteration order.
                    problems.add(new ConfigProblem(key, "is set twice, as '" + other + "' and as '" + written + "' (a key without"
                            + " a namespace is the project's: Pulumi prefixes it with '" + projectName + ":'); Pulumi keeps"
                            + " one of the two at random, so remove one"));
                    continue;
                }
                // A key left empty or null reaches the program as an empty string (yaml.v3 never hands a
                // null to Pulumi's config value, which stays empty).
                var value = entry.getValue() == null ? TextNode.valueOf("") : withoutCiphertext(JSON.valueToTree(entry.getValue()),
                        key, warnings);
                result.put(key, text(value));
            }
        }
        var environments = stack.get("environment");
        if (environments != null) {
            warnings.add(source + " imports Pulumi ESC environments (" + Printable.escape(String.valueOf(environments))
                    + "): the plan cannot open them, so it plans without the configuration they provide"
                    + " (pulumi up merges it under the stack's own values)");
        }
        project.ifPresent(p -> p.values().forEach(result::putIfAbsent));
        return new RawConfig(result, problems, warnings);
    }

    /**
     * Replaces every {@code {secure: ...}} value (the ciphertext is never kept) by its placeholder in
     * {@link #ENCRYPTED_PLACEHOLDERS}, with a warning, or by {@link #ENCRYPTED}.
     */
    private static JsonNode withoutCiphertext(JsonNode node, String path, List<String> warnings) {
        if (node.isObject() && node.size() == 1 && node.has("secure") && node.get("secure").isTextual()) {
            var segment = path.substring(Math.max(path.lastIndexOf('.'), path.lastIndexOf(':')) + 1);
            var placeholder = ENCRYPTED_PLACEHOLDERS.get(segment);
            if (placeholder == null) {
                return TextNode.valueOf(ENCRYPTED);
            }
            warnings.add(path + ": encrypted in the stack file; the plan cannot decrypt it and plans with the"
                    + " placeholder '" + placeholder + "'");
            return TextNode.valueOf(placeholder);
        }
        if (node.isObject()) {
            var copy = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), withoutCiphertext(e.getValue(), path + "." + e.getKey(), warnings)));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            for (int i = 0; i < node.size(); i++) {
                copy.add(withoutCiphertext(node.get(i), path + "[" + i + "]", warnings));
            }
            return copy;
        }
        return node;
    }
}
