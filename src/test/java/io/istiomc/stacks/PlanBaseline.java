package io.istiomc.stacks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.istiomc.plan.Plan;
import io.istiomc.plan.RecordedResource;
import io.istiomc.testing.MeshFixture;
import io.istiomc.testing.StackFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a stack's plan registered, one line per resource: its URN, the name of its provider and a
 * digest of its inputs. The files under {@code src/test/resources/baseline} hold these lines as the
 * program registered them before the clusters moved under one {@code Mesh} component; running this
 * class's {@code main} in the project folder of a checkout writes them for that checkout's program.
 */
public final class PlanBaseline {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    static final Path DIRECTORY = Path.of("src", "test", "resources", "baseline");

    private PlanBaseline() {
    }

    /** One resource as the baseline records it. */
    record Line(String urn, String providerName, String inputsDigest) {
        static Line parse(String text) {
            var parts = text.split("\t", -1);
            return new Line(parts[0], parts[1], parts[2]);
        }

        /** The resource's own type: the last part of the URN's type chain. */
        String type() {
            var qualified = urn.split("::")[2];
            return qualified.substring(qualified.lastIndexOf('$') + 1);
        }

        String name() {
            return urn.substring(urn.lastIndexOf("::") + 2);
        }

        @Override
        public String toString() {
            return urn + "\t" + providerName + "\t" + inputsDigest;
        }
    }

    static List<Line> lines(Plan plan) {
        return plan.resources().stream().map(PlanBaseline::line).sorted(java.util.Comparator.comparing(Line::urn)).toList();
    }

    static Line line(RecordedResource resource) {
        var provider = resource.providerUrn().map(urn -> urn.substring(urn.lastIndexOf("::") + 2)).orElse("");
        return new Line(resource.urn(), provider, digest(resource));
    }

    private static String digest(RecordedResource resource) {
        try {
            var json = JSON.writeValueAsString(resource.inputs());
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Line> read(String stack) throws IOException {
        return Files.readAllLines(StackFile.projectRoot().resolve(DIRECTORY).resolve(stack + ".txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(Line::parse).toList();
    }

    public static void main(String[] args) throws IOException {
        var directory = StackFile.projectRoot().resolve(DIRECTORY);
        Files.createDirectories(directory);
        for (var file : StackFile.all()) {
            var stack = StackFile.stackName(file);
            var text = new StringBuilder("# urn, provider name, inputs digest: see io.istiomc.stacks.PlanBaseline\n");
            lines(MeshFixture.plan(file)).forEach(l -> text.append(l).append('\n'));
            Files.writeString(directory.resolve(stack + ".txt"), text);
        }
    }
}
