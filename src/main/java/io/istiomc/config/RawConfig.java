package io.istiomc.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.istiomc.config.Printable;
import io.istiomc.config.YamlInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Stack configuration as Pulumi hands it to a program: full keys ({@code istio-multicluster:clusters})
 * to strings, structured values as JSON text. The same shape comes from the engine and from a stack
 * file read offline, so one reader validates both.
 */
public final class RawConfig {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What an encrypted stack value ({@code secure: v1:...}) reads as offline, where it cannot be
     * decrypted. The reader takes it as an inline kubeconfig; nothing prints it.
     */
    public static final String ENCRYPTED = "[encrypted in the stack file: not decrypted offline]";

    private final Map<String, String> values;

    public RawConfig(Map<String, String> values) {
        this.values = new TreeMap<>(values);
    }

    /** Replaces every {@code {secure: ...}} value by {@link #ENCRYPTED}. */
    private static JsonNode withoutCiphertext(JsonNode node) {
        if (node.isObject() && node.size() == 1 && node.has("secure")) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(ENCRYPTED);
        }
        if (node.isContainerNode()) {
            var copy = node.deepCopy();
            if (copy.isObject()) {
                var object = (com.fasterxml.jackson.databind.node.ObjectNode) copy;
                var names = new java.util.ArrayList<String>();
                object.fieldNames().forEachRemaining(names::add);
                names.forEach(n -> object.set(n, withoutCiphertext(object.get(n))));
            } else {
                var array = (com.fasterxml.jackson.databind.node.ArrayNode) copy;
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, withoutCiphertext(array.get(i)));
                }
            }
            return copy;
        }
        return node;
    }

    /** Every key, with its value, in key order. */
    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    public Optional<String> get(String fullKey) {
        return Optional.ofNullable(values.get(fullKey));
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
     * The {@code config:} block of a stack file ({@code Pulumi.<stack>.yaml}), as the engine would pass it:
     * strings as they are, everything else as JSON. The file is read as Pulumi reads it (YAML 1.2,
     * aliases resolved, duplicate keys rejected), within {@link YamlInput}'s bounds.
     *
     * @throws YamlInput.RejectedInputException naming the file and line of what Pulumi would refuse
     */
    public static RawConfig fromStackFile(Path stackFile) throws IOException {
        var source = "stack file '" + Printable.escape(stackFile.toString()) + "'";
        return fromDocument(YamlInput.readFile(stackFile, source, true), source);
    }

    /** As {@link #fromStackFile(Path)}, from the file's text. */
    public static RawConfig fromStackYaml(String stackYaml) throws IOException {
        return fromDocument(YamlInput.readText(stackYaml, "stack file", true), "stack file");
    }

    private static RawConfig fromDocument(Object document, String source) throws YamlInput.RejectedInputException {
        if (document != null && !(document instanceof Map<?, ?>)) {
            throw new YamlInput.RejectedInputException(source + " is not a map of keys (Pulumi expects 'config:' at the top)");
        }
        JsonNode root = JSON.valueToTree(document);
        var result = new TreeMap<String, String>();
        var config = root == null ? null : root.get("config");
        if (config != null && config.isObject()) {
            config.fields().forEachRemaining(e -> {
                var value = withoutCiphertext(e.getValue());
                result.put(e.getKey(), value.isTextual() ? value.asText() : value.toString());
            });
        }
        return new RawConfig(result);
    }
}
