package io.istiomc.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns recorded values into printable ones: every {@link Secret} is replaced, maps get sorted keys. */
public final class Redaction {
    private Redaction() {
    }

    /** Every secret becomes {@code "[secret]"}. */
    public static Object redact(Object value) {
        return redact(value, Secret.REDACTED);
    }

    /** Every secret becomes {@code replacement}. */
    public static Object redact(Object value, String replacement) {
        return redact(value, replacement, false);
    }

    /**
     * Every secret becomes {@code replacement}; with {@code keepKeys}, a secret map keeps its keys and
     * only its values are replaced, so that the object keeps its shape (a Secret's {@code stringData}).
     */
    public static Object redact(Object value, String replacement, boolean keepKeys) {
        if (value instanceof Secret secret) {
            if (keepKeys && secret.value() instanceof Map<?, ?> map) {
                var keys = new TreeMap<String, Object>();
                map.keySet().forEach(k -> keys.put(String.valueOf(k), replacement));
                return keys;
            }
            return replacement;
        }
        if (value instanceof Map<?, ?> map) {
            var sorted = new TreeMap<String, Object>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), redact(v, replacement, keepKeys)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<Object>();
            list.forEach(v -> copy.add(redact(v, replacement, keepKeys)));
            return copy;
        }
        return value;
    }
}
