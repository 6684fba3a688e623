package io.istiomc.stacks;

import io.istiomc.testing.StackFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README and the pages of {@code docs/} keep their promises checkable: every page is linked from
 * the README, every relative link leads to a file, and every test they cite ({@code pkg.ClassTest} or
 * {@code pkg.ClassTest#method}) exists.
 */
class DocsTest {
    private static final Pattern CITED_TEST = Pattern.compile("`([a-z]+)\\.([A-Z]\\w*(?:Test|IT))(?:#(\\w+))?`");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#]+)(#[^)]*)?\\)");

    private static List<Path> documents() throws IOException {
        var root = StackFile.projectRoot();
        var documents = new ArrayList<Path>();
        documents.add(root.resolve("README.md"));
        try (Stream<Path> pages = Files.list(root.resolve("docs"))) {
            pages.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    @Test
    @DisplayName("every page of docs/ is linked from the README, and every relative link of every page leads to a file")
    void pagesAreLinked() throws IOException {
        var root = StackFile.projectRoot();
        var readme = Files.readString(root.resolve("README.md"));
        var broken = new ArrayList<String>();
        for (var document : documents()) {
            if (!document.getFileName().toString().equals("README.md")) {
                assertTrue(readme.contains("](docs/" + document.getFileName() + ")"), document + " is not linked from the README");
            }
            var links = LINK.matcher(Files.readString(document));
            while (links.find()) {
                var target = links.group(1);
                if (!target.startsWith("http") && !Files.exists(document.getParent().resolve(target))) {
                    broken.add(root.relativize(document) + " -> " + target);
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    @DisplayName("every test the README and docs/ cite exists, with the method they name")
    void citedTestsExist() throws IOException {
        var root = StackFile.projectRoot();
        var testSources = new ArrayList<Path>();
        for (var dir : List.of("src/test/java", "components/test/java")) {
            try (Stream<Path> files = Files.walk(root.resolve(dir))) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(testSources::add);
            }
        }
        var missing = new ArrayList<String>();
        int cited = 0;
        for (var document : documents()) {
            var citations = CITED_TEST.matcher(Files.readString(document));
            while (citations.find()) {
                cited++;
                var suffix = "/" + citations.group(1) + "/" + citations.group(2) + ".java";
                var source = testSources.stream().filter(p -> p.toString().endsWith(suffix)).findFirst();
                var method = citations.group(3);
                if (source.isEmpty()) {
                    missing.add(root.relativize(document) + ": " + citations.group());
                } else if (method != null && !Files.readString(source.get()).matches("(?s).*\\s" + method + "\\(.*")) {
                    missing.add(root.relativize(document) + ": " + citations.group() + " (no such method)");
                }
            }
        }
        assertTrue(cited > 30, "only " + cited + " citations found");
        assertEquals(List.of(), missing);
    }
}
