package io.istiomc.components.provider;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a Pulumi YAML program against a package schema, as far as the schema allows without the
 * CLI: every resource of the package names a type the schema has; every property it sets is an
 * input of that type (nested objects against their {@code $ref} type); required inputs are set;
 * plain scalar inputs get no output reference; every {@code ${resource.property}} names a resource of the
 * program and an output of its type, or a config key.
 */
final class YamlProgramCheck {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_-]+)(?:\\.([A-Za-z0-9_]+))?");

    private final JsonNode schema;
    private final JsonNode program;
    private final List<String> problems = new ArrayList<>();

    private YamlProgramCheck(JsonNode schema, JsonNode program) {
        this.schema = schema;
        this.program = program;
    }

    /** Every problem found, each naming the path in the program; empty when the program fits the schema. */
    static List<String> problems(JsonNode schema, JsonNode program) {
        var check = new YamlProgramCheck(schema, program);
        check.run();
        return check.problems;
    }

    private void run() {
        var prefix = schema.path("name").asText() + ":";
        var resources = program.path("resources");
        if (resources.isEmpty()) {
            problems.add("resources: the program declares none");
        }
        resources.fields().forEachRemaining(entry -> {
            var path = "resources." + entry.getKey();
            var type = entry.getValue().path("type").asText();
            if (!type.startsWith(prefix)) {
                return;
            }
            var spec = schema.path("resources").path(type);
            if (spec.isMissingNode()) {
                problems.add(path + ".type: '" + type + "' is not a resource of the package");
                return;
            }
            checkObject(path + ".properties", entry.getValue().path("properties"), spec.path("inputProperties"),
                    spec.path("requiredInputs"));
        });
        checkReferences("", program);
    }

    private void checkObject(String path, JsonNode value, JsonNode properties, JsonNode required) {
        required.forEach(name -> {
            if (!value.has(name.asText())) {
                problems.add(path + "." + name.asText() + ": is required");
            }
        });
        value.fields().forEachRemaining(field -> {
            var fieldPath = path + "." + field.getKey();
            var property = properties.path(field.getKey());
            if (property.isMissingNode()) {
                problems.add(fieldPath + ": is not an input (inputs: " + names(properties) + ")");
                return;
            }
            // A plain object may hold outputs in its own non-plain fields, checked below.
            if (property.path("plain").asBoolean() && !field.getValue().isObject() && refersToResource(field.getValue())) {
                problems.add(fieldPath + ": is a plain input and cannot take an output");
            }
            if (property.has("$ref") && field.getValue().isObject()) {
                var typeToken = property.path("$ref").asText().substring("#/types/".length());
                var type = schema.path("types").path(typeToken);
                checkObject(fieldPath, field.getValue(), type.path("properties"), type.path("required"));
            }
        });
    }

    private boolean refersToResource(JsonNode value) {
        var matcher = REFERENCE.matcher(value.toString());
        while (matcher.find()) {
            if (program.path("resources").has(matcher.group(1))) {
                return true;
            }
        }
        return false;
    }

    private void checkReferences(String path, JsonNode node) {
        if (node.isTextual()) {
            var matcher = REFERENCE.matcher(node.asText());
            while (matcher.find()) {
                checkReference(path, matcher.group(1), matcher.group(2));
            }
        }
        node.fields().forEachRemaining(field -> checkReferences(path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                field.getValue()));
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            checkReferences(path + "[" + i + "]", node.get(i));
        }
    }

    private void checkReference(String path, String name, String property) {
        var resource = program.path("resources").path(name);
        if (resource.isMissingNode()) {
            if (!program.path("config").has(name)) {
                problems.add(path + ": '${" + name + "}' is neither a resource nor a config key of the program");
            }
            return;
        }
        var spec = schema.path("resources").path(resource.path("type").asText());
        if (!spec.isMissingNode() && property != null && !spec.path("properties").has(property)) {
            problems.add(path + ": '" + name + "." + property + "' is not an output of " + resource.path("type").asText()
                    + " (outputs: " + names(spec.path("properties")) + ")");
        }
    }

    private static List<String> names(JsonNode object) {
        var names = new ArrayList<String>();
        object.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }
}
