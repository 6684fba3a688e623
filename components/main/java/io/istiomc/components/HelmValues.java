package io.istiomc.components;

import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Helm values as Helm merges them, and the walks over them the checks share. Values are untyped
 * (Helm's own model): maps of string keys to maps, lists and scalars.
 */
public final class HelmValues {
    /** Words that make a key a credential's (matched in any case, anywhere in the key's name). */
    private static final List<String> CREDENTIAL_WORDS = List.of("password", "token", "key");
    /**
     * Kubernetes API fields with "key" in their name that hold no credential: a toleration's or a
     * selector requirement's {@code key}, affinity's {@code topologyKey}, a spread constraint's
     * {@code matchLabelKeys}; a production values file sets them often, and they stay plain.
     */
    private static final java.util.Set<String> KUBERNETES_KEY_FIELDS = java.util.Set.of("key", "topologyKey",
            "matchLabelKeys", "mismatchLabelKeys");

    private HelmValues() {
    }

    /**
     * {@code override} over {@code base}, as Helm merges values files ({@code mergeMaps} in Helm's
     * {@code pkg/cli/values/options.go}): maps merge key by key, lists and scalars replace. A null in
     * {@code override} removes the key, as Helm's {@code coalesceValues} ({@code pkg/chartutil/coalesce.go})
     * removes a key whose value is null. Unlike a Helm values file, a null cannot reach Helm to delete a
     * chart default: the Pulumi Java SDK drops map entries whose value is null when it serializes a
     * resource's inputs ({@code Serializer.serializeMapAsync}), so the null is applied here, to the values
     * below it, and the chart's default then stays. Neither argument is changed.
     */
    public static Map<String, Object> merge(Map<String, ?> base, Map<String, ?> override) {
        var merged = copy(base);
        override.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else if (value instanceof Map<?, ?> overrideMap && merged.get(key) instanceof Map<?, ?> baseMap) {
                merged.put(key, merge(asValues(baseMap), asValues(overrideMap)));
            } else {
                merged.put(key, withoutNulls(copyValue(value)));
            }
        });
        return merged;
    }

    /** A value with the nulls of its maps removed, as {@link #merge} applies them. */
    private static Object withoutNulls(Object value) {
        if (value instanceof Map<?, ?> map) {
            return merge(Map.of(), asValues(map));
        }
        return value;
    }

    /** The layers merged in order, each over the ones before it ({@link #merge}). */
    @SafeVarargs
    public static Map<String, Object> mergeAll(Map<String, ?>... layers) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (var layer : layers) {
            merged = merge(merged, layer);
        }
        return merged;
    }

    /**
     * Visits every value that is not a non-empty map, with its dotted path: leaves, lists, nulls and
     * empty maps. Keys are joined with '.', as Helm's {@code --set} and the charts' comments name them.
     */
    public static void forEachLeaf(Map<String, ?> values, BiConsumer<String, Object> visitor) {
        forEachLeaf("", values, visitor);
    }

    private static void forEachLeaf(String prefix, Map<String, ?> values, BiConsumer<String, Object> visitor) {
        values.forEach((key, value) -> {
            var path = prefix + key;
            if (value instanceof Map<?, ?> map && !map.isEmpty()) {
                forEachLeaf(path + ".", asValues(map), visitor);
            } else {
                visitor.accept(path, value);
            }
        });
    }

    /**
     * Whether a key's name says its value is a credential: it contains "password", "token" or "key"
     * (in any case), and is not one of Kubernetes' own {@link #KUBERNETES_KEY_FIELDS}.
     */
    public static boolean looksLikeCredential(String key) {
        if (KUBERNETES_KEY_FIELDS.contains(key)) {
            return false;
        }
        var lower = key.toLowerCase(Locale.ROOT);
        return CREDENTIAL_WORDS.stream().anyMatch(lower::contains);
    }

    /**
     * The values with every value under a key that looks like a credential ({@link #looksLikeCredential})
     * made a Pulumi secret, so that it is encrypted in the state and redacted wherever values are
     * shown. The rest stays plain, so that a plan still shows it.
     */
    public static Map<String, Object> withCredentialsAsSecrets(Map<String, ?> values) {
        var result = new LinkedHashMap<String, Object>();
        values.forEach((key, value) -> {
            if (value != null && looksLikeCredential(key)) {
                result.put(key, Output.ofSecret(copyValue(value)));
            } else if (value instanceof Map<?, ?> map) {
                result.put(key, withCredentialsAsSecrets(asValues(map)));
            } else if (value instanceof List<?> list) {
                result.put(key, listWithCredentialsAsSecrets(list));
            } else {
                result.put(key, value);
            }
        });
        return result;
    }

    private static List<Object> listWithCredentialsAsSecrets(List<?> list) {
        var result = new ArrayList<Object>();
        for (var item : list) {
            if (item instanceof Map<?, ?> map) {
                result.add(withCredentialsAsSecrets(asValues(map)));
            } else if (item instanceof List<?> inner) {
                result.add(listWithCredentialsAsSecrets(inner));
            } else {
                result.add(item);
            }
        }
        return result;
    }

    /** A deep copy, so that no caller's map is shared with (or changed through) a release's values. */
    public static Map<String, Object> copy(Map<String, ?> values) {
        var copy = new LinkedHashMap<String, Object>();
        values.forEach((key, value) -> copy.put(key, copyValue(value)));
        return copy;
    }

    private static Object copyValue(Object value) {
        if (value instanceof Number number && !(value instanceof Integer) && !(value instanceof Double)) {
            // The Pulumi Java SDK serializes Integer and Double only: a whole number that fits an int
            // stays whole, any other number becomes a Double (Helm reads every number as a float64).
            if (isWholeInt(number)) {
                return Integer.valueOf(number.intValue());
            }
            return Double.valueOf(number.doubleValue());
        }
        if (value instanceof Map<?, ?> map) {
            return copy(asValues(map));
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<Object>();
            list.forEach(item -> copy.add(copyValue(item)));
            return copy;
        }
        return value;
    }

    private static boolean isWholeInt(Number number) {
        if (number instanceof Long || number instanceof Short || number instanceof Byte
                || number instanceof java.math.BigInteger) {
            var whole = new java.math.BigInteger(number.toString());
            return whole.bitLength() < 32;
        }
        return false;
    }

    /** A map read from YAML or JSON as values: its keys as strings. */
    static Map<String, Object> asValues(Map<?, ?> map) {
        var values = new LinkedHashMap<String, Object>();
        map.forEach((k, v) -> values.put(String.valueOf(k), v));
        return values;
    }
}
