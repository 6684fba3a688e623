package io.istiomc.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link PlanComparison} as one JSON object: {@code stack}, {@code before} and {@code after} (the
 * two files), {@code summary} (counts and waves), {@code warnings} (cluster, outcome, inputs,
 * message) and {@code changes} (action, urn, type, name, cluster, wave or deleteWave, reason, and
 * the changed inputs, shown as the text shows them: secrets {@code "[secret]"}).
 */
public final class ComparisonJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ComparisonJson() {
    }

    public static String write(PlanComparison comparison, String beforeFile, String afterFile) {
        var document = new LinkedHashMap<String, Object>();
        document.put("stack", comparison.after().stack());
        document.put("before", beforeFile);
        document.put("after", afterFile);
        var summary = new LinkedHashMap<String, Object>();
        for (var action : PlanComparison.Action.values()) {
            summary.put(action.word(), comparison.changes(action).size());
        }
        summary.put("unchanged", comparison.unchanged());
        summary.put("waves", comparison.waveCount());
        summary.put("deleteWaves", comparison.deleteWaveCount());
        document.put("summary", summary);
        var warnings = new ArrayList<Map<String, Object>>();
        for (var warning : comparison.warnings()) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("cluster", warning.cluster());
            entry.put("provider", warning.verdict().outcome().name().toLowerCase(java.util.Locale.ROOT));
            entry.put("inputs", warning.verdict().changed());
            entry.put("replacing", warning.verdict().replacing());
            entry.put("objects", warning.objects());
            entry.put("message", warning.message());
            warnings.add(entry);
        }
        document.put("warnings", warnings);
        document.put("changes", changes(comparison));
        try {
            return MAPPER.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, Object>> changes(PlanComparison comparison) {
        var list = new ArrayList<Map<String, Object>>();
        for (var change : comparison.changes()) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("action", change.action().word());
            entry.put("urn", change.resource().urn());
            entry.put("type", change.resource().type());
            entry.put("name", change.resource().name());
            entry.put("cluster", change.cluster().orElse(null));
            entry.put("wave", change.wave() == 0 ? null : change.wave());
            entry.put("deleteWave", change.deleteWave() == 0 ? null : change.deleteWave());
            entry.put("reason", change.reason().isEmpty() ? null : change.reason());
            entry.put("inputs", change.inputs().stream().map(i -> {
                var input = new LinkedHashMap<String, Object>();
                input.put("path", i.path());
                input.put("before", i.before());
                input.put("after", i.after());
                return input;
            }).toList());
            list.add(entry);
        }
        return list;
    }
}
