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
        if (value instanceof Secret) {
            return replacement;
        }
        if (value instanceof Map<?, ?> map) {
            var sorted = new TreeMap<String, Object>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), redact(v, replacement)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<Object>();
            list.forEach(v -> copy.add(redact(v, replacement)));
            return copy;
        }
        return value;
    }
}
