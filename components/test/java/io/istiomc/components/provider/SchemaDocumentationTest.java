package io.istiomc.components.provider;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The table of {@code docs/component-package.md} is what users of other languages read of the package:
 * it must name every input and output of every resource of the golden schema (which
 * {@link SchemaGoldenTest} ties to the code), and the properties of the object types it spells out.
 */
class SchemaDocumentationTest {
    /** Relative to the library module, where Maven runs its tests. */
    private static final Path PAGE = Path.of("../docs/component-package.md");
    /** The object types whose properties the table lists inline. */
    private static final List<String> TYPES_LISTED = List.of("Istio", "Revision", "MeshCluster", "CaSettings", "Cluster", "Samples");

    @Test
    @DisplayName("the component package page's table names every input and output of each resource, and the properties of the types it lists")
    void tableNamesTheWholeSchema() throws IOException {
        var page = Files.readString(PAGE);
        var schema = PackageSchema.golden();
        var missing = new ArrayList<String>();
        schema.path("resources").fields().forEachRemaining(resource -> {
            var row = page.lines().filter(l -> l.startsWith("| `" + resource.getKey() + "` |")).findFirst().orElse(null);
            if (row == null) {
                missing.add(resource.getKey() + ": no row");
                return;
            }
            var cells = row.split("\\|");
            // cells: "", resource, inputs, outputs, ""
            resource.getValue().path("inputProperties").fieldNames().forEachRemaining(input -> {
                if (!cells[2].contains("`" + input + "`")) {
                    missing.add(resource.getKey() + " input " + input);
                }
            });
            resource.getValue().path("properties").fieldNames().forEachRemaining(output -> {
                if (!cells[3].contains("`" + output + "`")) {
                    missing.add(resource.getKey() + " output " + output);
                }
            });
        });
        var table = page.lines().filter(l -> l.startsWith("| `istio-multicluster:")).toList();
        for (var type : TYPES_LISTED) {
            schema.path("types").path("istio-multicluster:index:" + type).path("properties").fieldNames().forEachRemaining(p -> {
                if (table.stream().noneMatch(row -> row.contains("`" + p + "`"))) {
                    missing.add("type " + type + " property " + p);
                }
            });
        }
        assertEquals(List.of(), missing);
    }
}
