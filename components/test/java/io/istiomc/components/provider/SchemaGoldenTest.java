package io.istiomc.components.provider;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The package's public interface, as every generated SDK sees it, is checked in: an accidental
 * change of a component's inputs or outputs fails here. To change it on purpose, regenerate with
 * {@code mvn -pl components test -Dtest=SchemaGoldenTest -Dschema.update=true} and review the diff
 * of {@code components/test/resources/golden/schema.json}.
 */
class SchemaGoldenTest {
    @Test
    @DisplayName("the schema the plugin serves equals the checked-in golden schema")
    void servedSchemaMatchesGolden() {
        var served = PackageSchema.served();
        if (Boolean.getBoolean("schema.update")) {
            PackageSchema.writeGolden(served);
        }
        assertEquals(PackageSchema.golden(), served, "the package schema changed; if on purpose, regenerate "
                + PackageSchema.GOLDEN + " with -Dschema.update=true and review the diff");
    }
}
