package io.istiomc.config;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.ComposerException;
import org.snakeyaml.engine.v2.exceptions.DuplicateKeyException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one YAML reader of the project, for stack files and kubeconfigs alike: one parser, anchors and
 * aliases resolved with a bound on their expansion, duplicate keys rejected, and bounded input.
 * Kubeconfigs resolve scalars with YAML 1.2's core schema ({@code yes}/{@code no}/{@code on}/{@code off}
 * are strings); Pulumi's stack and project files as Pulumi's loader has them ({@link #readPulumiFile},
 * Go's yaml.v3: see {@link PulumiYaml}). Its errors name the source and the line but never quote the
 * text: a kubeconfig line may hold a token.
 */
public final class YamlInput {
    /** The largest file read, in bytes: far above any stack file or kubeconfig, far below the heap. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    /** The deepest nesting of maps and lists; a stack file needs 4 levels, a kubeconfig 4. */
    public static final int MAX_DEPTH = 64;
    /** The most aliases of maps or lists in one document (each expands to a copy). */
    public static final int MAX_ALIASES = 50;
    /** The most values (scalars, maps, lists) a document may hold once its aliases are expanded. */
    public static final int MAX_VALUES = 200_000;

    private YamlInput() {
    }

    /** The input was refused (too large, not UTF-8, not one YAML document, unreadable); the message names the source, never the content. */
    public static final class RejectedInputException extends IOException {
        public RejectedInputException(String message) {
            super(message);
        }
    }

    /**
     * Reads a file: at most {@link #MAX_BYTES}, UTF-8, one YAML document.
     *
     * @param source how messages name the file, e.g. {@code stack file 'Pulumi.dev.yaml'}
     * @param quoteKeys whether a duplicated key may be named (not in kubeconfigs, where nothing is quoted)
     * @return maps (with string keys, in file order), lists, strings, numbers, booleans or null
     * @throws RejectedInputException when the file is too large, not UTF-8 or not valid YAML
     * @throws IOException when it cannot be read
     */
    public static Object readFile(Path file, String source, boolean quoteKeys) throws IOException {
        return readText(fileText(file, source), source, quoteKeys);
    }

    /**
     * Reads a Pulumi stack or project file: within the same bounds as {@link #readFile}, its values as
     * Pulumi's loader has them (Go's yaml.v3, see {@link PulumiYaml}) rather than YAML 1.2's core
     * schema; keys may be named in messages.
     */
    public static Object readPulumiFile(Path file, String source) throws IOException {
        return readPulumiText(fileText(file, source), source);
    }

    /** As {@link #readPulumiFile}, from the file's text. */
    public static Object readPulumiText(String text, String source) throws RejectedInputException {
        return read(text, source, true, true);
    }

    private static String fileText(Path file, String source) throws IOException {
        // A FIFO or device would block the read, or never end: only a regular file (a link to one is fine) is opened.
        if (!Files.readAttributes(file, BasicFileAttributes.class).isRegularFile()) {
            throw new RejectedInputException(source + " is not a regular file (a FIFO, socket, device or directory);"
                    + " this program reads configuration only from regular files");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // Read one byte past the limit rather than trusting the size: devices and pipes report none.
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(source);
        }
        return utf8(bytes, source);
    }

    /** As {@link #readFile}, from text already in memory (e.g. a kubeconfig given inline). */
    public static Object readText(String text, String source, boolean quoteKeys) throws RejectedInputException {
        return read(text, source, quoteKeys, false);
    }

    private static Object read(String text, String source, boolean quoteKeys, boolean pulumi) throws RejectedInputException {
        if (text.length() > MAX_BYTES) {
            throw tooLarge(source);
        }
        var settings = LoadSettings.builder()
                .setLabel(source)
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setAllowNonScalarKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_BYTES)
                .build();
        try {
            var aliases = checkDepth(settings, text, source);
            var budget = new int[] {MAX_VALUES};
            Object document;
            if (pulumi) {
                var root = new Compose(settings).composeString(text);
                document = root.isEmpty() ? null : PulumiYaml.value(root.get(), source, quoteKeys, budget);
            } else {
                document = normalized(new Load(settings).loadFromString(text), budget);
            }
            if (budget[0] < 0) {
                throw new RejectedInputException(source + (aliases ? ": its aliases expand to more than " + MAX_VALUES + " values"
                        : " holds more than " + MAX_VALUES + " values (maps, lists and scalars), the most this program reads"));
            }
            return document;
        } catch (DuplicateKeyException e) {
            var key = quoteKeys ? " '" + duplicateKey(e) + "'" : "";
            throw new RejectedInputException(source + at(e.getProblemMark()) + ": the key" + key + " appears twice in one map;"
                    + " YAML 1.2 (which Pulumi reads) rejects duplicate keys");
        } catch (ReaderException e) {
            throw new RejectedInputException(source + " holds a character YAML does not allow (U+"
                    + String.format("%04X", e.getCodePoint()) + " at character " + e.getPosition() + "); is it a text file?");
        } catch (ComposerException e) {
            throw new RejectedInputException(source + at(e.getProblemMark()) + ": " + composerProblem(e));
        } catch (MarkedYamlEngineException e) {
            throw new RejectedInputException(source + at(e.getProblemMark().or(e::getContextMark)) + ": is not valid YAML");
        } catch (YamlEngineException e) {
            if (String.valueOf(e.getMessage()).startsWith("Number of aliases for non-scalar nodes exceeds")) {
                throw new RejectedInputException(source + ": uses more than " + MAX_ALIASES
                        + " aliases of maps or lists (each copies what it refers to)");
            }
            throw new RejectedInputException(source + " is not valid YAML");
        }
    }

    private static RejectedInputException tooLarge(String source) {
        return new RejectedInputException(source + " is larger than " + MAX_BYTES / (1024 * 1024) + " MiB, the most this program reads");
    }

    private static String utf8(byte[] bytes, String source) throws RejectedInputException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int offset = firstInvalidUtf8(bytes);
            throw new RejectedInputException(source + " is not UTF-8 text (invalid byte at offset " + offset + ");"
                    + " save it as UTF-8");
        }
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        var in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }

    /**
     * Walks the events (no recursion) so that deep nesting is refused before anything recursive sees it.
     *
     * @return whether the document holds an alias
     */
    private static boolean checkDepth(LoadSettings settings, String text, String source) throws RejectedInputException {
        int depth = 0;
        boolean aliases = false;
        for (Event event : new Parse(settings).parseString(text)) {
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > MAX_DEPTH) {
                        throw new RejectedInputException(source + at(event.getStartMark()) + ": maps and lists are nested more than "
                                + MAX_DEPTH + " deep");
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                case Alias -> aliases = true;
                default -> {
                }
            }
        }
        return aliases;
    }

    private static String composerProblem(ComposerException e) {
        var problem = String.valueOf(e.getProblem());
        if (problem.contains("found undefined alias")) {
            return "an alias refers to an anchor that is not defined before it";
        }
        if (String.valueOf(e.getContext()).contains("single document")) {
            return "holds more than one YAML document";
        }
        return "is not valid YAML";
    }

    private static String duplicateKey(DuplicateKeyException e) {
        var problem = String.valueOf(e.getProblem());
        var prefix = "found duplicate key ";
        return problem.startsWith(prefix) ? Printable.escape(problem.substring(prefix.length())) : "?";
    }

    private static String at(Optional<Mark> mark) {
        return mark.map(m -> ", line " + (m.getLine() + 1)).orElse("");
    }

    /**
     * String keys in file order, and every nested value the same way; the loader's own types otherwise.
     * Aliases share one object in the loaded tree; copying expands them, within {@code budget} values
     * (it ends negative when the document holds more).
     */
    private static Object normalized(Object value, int[] budget) {
        if (--budget[0] < 0) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            for (var entry : map.entrySet()) {
                copy.put(String.valueOf(entry.getKey()), normalized(entry.getValue(), budget));
                if (budget[0] < 0) {
                    break;
                }
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<>(list.size());
            for (var item : list) {
                copy.add(normalized(item, budget));
                if (budget[0] < 0) {
                    break;
                }
            }
            return copy;
        }
        return value;
    }
}
