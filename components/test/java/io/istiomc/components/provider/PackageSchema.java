package io.istiomc.components.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.pulumi.provider.internal.models.GetSchemaRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The package schema exactly as the plugin serves it ({@code GetSchema} of the SDK's component
 * provider over this package), and the checked-in golden copy.
 */
final class PackageSchema {
    /** Relative to the library module, where Maven runs its tests. */
    static final Path GOLDEN = Path.of("test/resources/golden/schema.json");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private PackageSchema() {
    }

    static JsonNode served() {
        try {
            var json = new ComponentPackage().getSchema(new GetSchemaRequest(0, null, null)).join().getSchema();
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode golden() {
        try {
            return JSON.readTree(GOLDEN.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys sorted, so a change reads as a small diff. */
    static void writeGolden(JsonNode schema) {
        try {
            var sorted = JSON.treeToValue(schema, Object.class);
            Files.writeString(GOLDEN, JSON.writeValueAsString(sorted) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
