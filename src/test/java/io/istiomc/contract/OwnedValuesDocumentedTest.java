package io.istiomc.contract;

import io.istiomc.components.OwnedValues;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/configuration.md's table of the values the mesh owns lists every one of them, under its chart. */
class OwnedValuesDocumentedTest {
    @Test
    @DisplayName("every owned value of every chart has a row of its chart in the configuration page's table")
    void readmeListsEveryOwnedValue() throws Exception {
        var rows = Files.readAllLines(Path.of("docs/configuration.md")).stream().filter(l -> l.startsWith("| ")).toList();
        var missing = new ArrayList<String>();
        OwnedValues.OWNED.forEach((chart, owned) -> owned.keySet().forEach(path -> {
            if (rows.stream().noneMatch(row -> row.startsWith("| " + chart + " | ") && row.contains("`" + path + "`"))) {
                missing.add(chart + " " + path);
            }
        }));
        assertEquals(new ArrayList<String>(), missing);
    }
}
