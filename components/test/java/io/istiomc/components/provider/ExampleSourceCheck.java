package io.istiomc.components.provider;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a TypeScript or Python program that uses the package's generated SDK (imported as
 * {@code istio}), as far as it can be without generating the SDK: every {@code new istio.T(} (in
 * Python {@code istio.T(}) assigned to a name names a component of the schema, and every
 * {@code x.y} read from such a name names an output of T (Python's SDK spells outputs in snake
 * case). The inputs are not checked here (that needs the SDK's types); the YAML example covers them.
 */
final class ExampleSourceCheck {
    /** The languages of the examples, with how each creates a component and hides words that are not code. */
    enum Language {
        TYPESCRIPT(Pattern.compile("const\\s+(\\w+)\\s*=\\s*new\\s+istio\\.(\\w+)\\("),
                Pattern.compile("//[^\\n]*|/\\*.*?\\*/|\"[^\"\\n]*\"|'[^'\\n]*'|`[^`]*`", Pattern.DOTALL)),
        PYTHON(Pattern.compile("(?m)^(\\w+)\\s*=\\s*istio\\.(\\w+)\\("),
                Pattern.compile("#[^\\n]*|\"\"\".*?\"\"\"|\"[^\"\\n]*\"|'[^'\\n]*'", Pattern.DOTALL));

        private final Pattern component;
        private final Pattern notCode;

        Language(Pattern component, Pattern notCode) {
            this.component = component;
            this.notCode = notCode;
        }

        /** The schema's name of an output the program reads as {@code name}. */
        String outputName(String name) {
            if (this != PYTHON) {
                return name;
            }
            var camel = new StringBuilder();
            var parts = name.split("_");
            camel.append(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                camel.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
            return camel.toString();
        }
    }

    private ExampleSourceCheck() {
    }

    /** The names holding components, and the component each is. */
    static Map<String, String> components(Language language, String source) {
        var components = new LinkedHashMap<String, String>();
        var matcher = language.component.matcher(source);
        while (matcher.find()) {
            components.put(matcher.group(1), matcher.group(2));
        }
        return components;
    }

    static List<String> problems(JsonNode schema, Language language, String source) {
        var problems = new ArrayList<String>();
        var prefix = schema.path("name").asText() + ":index:";
        var components = components(language, source);
        var code = language.notCode.matcher(source).replaceAll("\"\"");
        components.forEach((constant, component) -> {
            if (schema.path("resources").path(prefix + component).isMissingNode()) {
                problems.add(constant + ": 'istio." + component + "' is not a component of the package");
            }
        });
        components.forEach((constant, component) -> {
            var outputs = schema.path("resources").path(prefix + component).path("properties");
            if (outputs.isMissingNode()) {
                return;
            }
            var read = Pattern.compile("\\b" + Pattern.quote(constant) + "\\.(\\w+)").matcher(code);
            while (read.find()) {
                if (!outputs.has(language.outputName(read.group(1)))) {
                    var names = new ArrayList<String>();
                    outputs.fieldNames().forEachRemaining(names::add);
                    problems.add("'" + constant + "." + read.group(1) + "' is not an output of " + prefix + component
                            + " (outputs: " + names.stream().sorted().toList() + ")");
                }
            }
        });
        return problems;
    }
}
