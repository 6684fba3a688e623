package io.istiomc.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
    private static final YAMLMapper YAML = new YAMLMapper();

    private final Map<String, String> values;

    public RawConfig(Map<String, String> values) {
        this.values = new TreeMap<>(values);
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
                var shortKey = key.startsWith(MeshConfig.NAMESPACE + ":") ? key.substring(MeshConfig.NAMESPACE.length() + 1) : null;
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
     * strings as they are, everything else as JSON.
     */
    public static RawConfig fromStackFile(Path stackFile) throws IOException {
        return fromStackYaml(Files.readString(stackFile));
    }

    /** As {@link #fromStackFile(Path)}, from the file's text. */
    public static RawConfig fromStackYaml(String stackYaml) throws IOException {
        JsonNode root = YAML.readTree(stackYaml);
        var result = new TreeMap<String, String>();
        var config = root == null ? null : root.get("config");
        if (config != null && config.isObject()) {
            config.fields().forEachRemaining(e -> {
                var value = e.getValue();
                result.put(e.getKey(), value.isTextual() ? value.asText() : value.toString());
            });
        }
        return new RawConfig(result);
    }
}
