package io.istiomc.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns recorded values into printable ones: every {@link Secret} becomes {@code "[secret]"}, maps get sorted keys. */
public final class Redaction {
    private Redaction() {
    }

    public static Object redact(Object value) {
        if (value instanceof Secret) {
            return Secret.REDACTED;
        }
        if (value instanceof Map<?, ?> map) {
            var sorted = new TreeMap<String, Object>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), redact(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<Object>();
            list.forEach(v -> copy.add(redact(v)));
            return copy;
        }
        return value;
    }
}
