package io.istiomc.components.provider;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a TypeScript program that uses the package's generated SDK (imported as {@code istio}), as
 * far as it can be without generating the SDK: every {@code const x = new istio.T(} names a
 * component of the schema, and every {@code x.y} read from such a constant names an output of T.
 * The inputs are not checked here (that needs the SDK's types); the YAML example covers them.
 */
final class TypeScriptCheck {
    private static final Pattern COMPONENT = Pattern.compile("const\\s+(\\w+)\\s*=\\s*new\\s+istio\\.(\\w+)\\(");
    /** Comments and string literals, whose words are not code (a URL's host is not an output read). */
    private static final Pattern NOT_CODE = Pattern.compile("//[^\\n]*|/\\*.*?\\*/|\"[^\"\\n]*\"|'[^'\\n]*'|`[^`]*`",
            Pattern.DOTALL);

    private TypeScriptCheck() {
    }

    /** The constants holding components, and the component each is. */
    static Map<String, String> components(String source) {
        var components = new LinkedHashMap<String, String>();
        var matcher = COMPONENT.matcher(source);
        while (matcher.find()) {
            components.put(matcher.group(1), matcher.group(2));
        }
        return components;
    }

    static List<String> problems(JsonNode schema, String source) {
        var problems = new ArrayList<String>();
        var prefix = schema.path("name").asText() + ":index:";
        var components = components(source);
        var code = NOT_CODE.matcher(source).replaceAll("\"\"");
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
                if (!outputs.has(read.group(1))) {
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
