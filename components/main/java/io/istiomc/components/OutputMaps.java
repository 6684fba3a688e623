package io.istiomc.components;

import com.pulumi.core.Output;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Outputs by name as one output, as the components export them (gateway addresses, PEMs, expiry dates). */
final class OutputMaps {
    private OutputMaps() {
    }

    /** One output of the values, keyed as given and in the order given. */
    static Output<Map<String, String>> byName(Map<String, Output<String>> outputs) {
        var names = List.copyOf(outputs.keySet());
        return Output.all(List.copyOf(outputs.values())).applyValue(values -> {
            var byName = new LinkedHashMap<String, String>();
            for (int i = 0; i < names.size(); i++) {
                byName.put(names.get(i), values.get(i));
            }
            return Collections.unmodifiableMap(byName);
        });
    }
}
