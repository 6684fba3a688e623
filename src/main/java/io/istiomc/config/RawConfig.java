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
    private static final String NS = StackConfig.NAMESPACE + ":";

    /**
     * What an encrypted stack value ({@code secure: v1:...}) reads as offline where it cannot be
     * decrypted and no placeholder of its own stands in ({@link OfflinePlaceholders}): a secret, or a
     * key this program does not read. The reader takes it as an inline, secret kubeconfig; nothing
     * prints it.
     */
    public static final String ENCRYPTED = "[encrypted in the stack file: not decrypted offline]";

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
                if (entry.getValue() == null) {
                    result.put(key, "");
                    continue;
                }
                var plain = withoutCiphertext(JSON.valueToTree(entry.getValue()), key, warnings, problems);
                if (plain != null) {
                    result.put(key, text(plain));
                }
            }
        }
        var environments = stack.get("environment");
        if (environments != null) {
            var from = environmentNames(environments);
            warnings.add(source + " uses Pulumi ESC (" + from + "), which the plan cannot open: a key the stack file"
                    + " does not set may come from it (pulumi up merges its pulumiConfig under the stack's own values,"
                    + " a map key by key, a list or a single value whole)");
            expectFromEnvironment(result, project, from, warnings, problems);
        }
        project.ifPresent(p -> p.values().forEach(result::putIfAbsent));
        return new RawConfig(result, problems, warnings);
    }

    /**
     * The value of a top-level key with every {@code {secure: ...}} value (the ciphertext is never
     * kept) replaced as {@link OfflinePlaceholders#forEncrypted} decides, each with a warning naming
     * the key; null when the key itself is planned as not set or refused (then with a problem).
     */
    private static JsonNode withoutCiphertext(JsonNode topLevel, String key, List<String> warnings,
                                              List<ConfigProblem> problems) {
        var ours = key.startsWith(NS) ? key.substring(NS.length()) : null;
        return withoutCiphertext(topLevel, ours, key, topLevel, warnings, problems);
    }

    private static JsonNode withoutCiphertext(JsonNode node, String path, String fullKey, JsonNode topLevel,
                                              List<String> warnings, List<ConfigProblem> problems) {
        if (OfflinePlaceholders.isEncrypted(node)) {
            var decision = path == null ? new OfflinePlaceholders.NotRead() : OfflinePlaceholders.forEncrypted(path, topLevel);
            var cannot = fullKey + ": encrypted in the stack file; the plan cannot decrypt it and plans ";
            if (decision instanceof OfflinePlaceholders.Planned planned) {
                warnings.add(cannot + "with " + shown(planned));
                return planned.value();
            }
            if (decision instanceof OfflinePlaceholders.Unset unset) {
                warnings.add(cannot + "as if it were not set (" + unset.why() + ")");
                return null;
            }
            if (decision instanceof OfflinePlaceholders.Refused refused) {
                problems.add(new ConfigProblem(fullKey, refused.message()));
                return null;
            }
            return TextNode.valueOf(ENCRYPTED);
        }
        if (node.isObject()) {
            var copy = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> {
                var plain = withoutCiphertext(e.getValue(), path == null ? null : path + "." + e.getKey(),
                        fullKey + "." + e.getKey(), topLevel, warnings, problems);
                if (plain != null) {
                    copy.set(e.getKey(), plain);
                }
            });
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            for (int i = 0; i < node.size(); i++) {
                var plain = withoutCiphertext(node.get(i), path == null ? null : path + "[" + i + "]",
                        fullKey + "[" + i + "]", topLevel, warnings, problems);
                // A refused item keeps its place, empty, so that every later item keeps its index.
                copy.add(plain == null ? JSON.createObjectNode() : plain);
            }
            return copy;
        }
        return node;
    }

    /**
     * Every required key the stack file leaves out, which the environment may set
     * ({@link OfflinePlaceholders#forMissing}): a project default is kept (with a warning, as the
     * environment's value would win over it), else the placeholder, else the refusal.
     */
    private static void expectFromEnvironment(Map<String, String> result, Optional<Project> project, String from,
                                              List<String> warnings, List<ConfigProblem> problems) {
        var expected = " is not set in the stack file, so it is expected from " + from + ", which the plan cannot open";
        for (var path : OfflinePlaceholders.REQUIRED) {
            var top = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
            var key = NS + top;
            var fullKey = NS + path;
            if (!path.equals(top)) {
                // A key of a top-level map: the environment's map merges under the stack's.
                var holder = result.get(key);
                var member = path.substring(top.length() + 1);
                JsonNode map = holder == null ? null : readTree(holder);
                // istio.version is required only where no istio.revisions stand in for it.
                if (map == null || !map.isObject() || map.has(member)
                        || (path.equals("istio.version") && map.has("revisions"))) {
                    continue;
                }
                var decision = OfflinePlaceholders.forMissing(path, from).orElseThrow();
                if (decision instanceof OfflinePlaceholders.Planned planned) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) map).set(member, planned.value());
                    result.put(key, text(map));
                    warnings.add(fullKey + ":" + expected + "; the plan uses " + shown(planned));
                }
                continue;
            }
            if (result.containsKey(key)) {
                continue;
            }
            if (project.map(p -> p.values().containsKey(key)).orElse(false)) {
                warnings.add(fullKey + ": not set in the stack file; the plan uses the project's default, but " + from
                        + " may set it instead (Pulumi merges an environment before the project's defaults)");
                continue;
            }
            var decision = OfflinePlaceholders.forMissing(path, from).orElseThrow();
            if (decision instanceof OfflinePlaceholders.Planned planned) {
                result.put(key, text(planned.value()));
                warnings.add(fullKey + ":" + expected + "; the plan uses " + shown(planned));
            } else if (decision instanceof OfflinePlaceholders.Refused refused) {
                problems.add(new ConfigProblem(fullKey, refused.message()));
            }
        }
    }

    private static String shown(OfflinePlaceholders.Planned planned) {
        return planned.shown().startsWith("a ") ? planned.shown() : "the placeholder " + planned.shown();
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The environments a stack imports, named as Pulumi's {@code Environment.Imports} names them
     * ({@code sdk/go/common/workspace/project.go}): a list of names, or an inline definition's
     * {@code imports} (a name, or a map from the name to its options) and, where it has
     * {@code values} of its own, the stack file's own definition.
     */
    private static String environmentNames(Object environment) {
        var names = new ArrayList<String>();
        Object imports = environment instanceof Map<?, ?> definition ? definition.get("imports") : environment;
        if (imports instanceof List<?> list) {
            for (var item : list) {
                var name = item instanceof Map<?, ?> map && map.size() == 1 ? map.keySet().iterator().next() : item;
                names.add("'" + Printable.escape(String.valueOf(name)) + "'");
            }
        }
        var imported = names.isEmpty() ? "" : (names.size() == 1 ? "environment " : "environments ") + String.join(", ", names);
        if (environment instanceof Map<?, ?> definition && definition.get("values") != null) {
            return imported.isEmpty() ? "the environment defined in the stack file"
                    : imported + " and the environment defined in the stack file";
        }
        return imported.isEmpty() ? "an environment" : imported;
    }
}
