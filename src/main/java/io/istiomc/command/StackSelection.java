package io.istiomc.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The stack a command reads: {@code --stack NAME} ({@code Pulumi.<NAME>.yaml}, else
 * {@code stacks/Pulumi.<NAME>.yaml}; default {@code dev}) or {@code --config-file FILE}, whose
 * name gives the stack's.
 *
 * @param stack the stack's name
 * @param file  its stack file, which exists
 */
public record StackSelection(String stack, Path file) {
    /** Pulumi's rule for stack names. */
    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final String DEFAULT_STACK = "dev";

    /** @throws UsageException when both options are given, or the stack or its file is not there */
    public static StackSelection from(Options options) {
        if (options.value("--stack").isPresent() && options.value("--config-file").isPresent()) {
            throw new UsageException("give --stack or --config-file, not both");
        }
        var named = options.value("--stack").orElse(DEFAULT_STACK);
        var stack = named;
        Path file;
        if (options.value("--config-file").isPresent()) {
            file = path("--config-file", options.value("--config-file").get());
            stack = stackName(file).orElse(stack);
        } else {
            file = stackFile(named).orElseThrow(() -> new UsageException("no stack file for stack '" + named
                    + "': looked for Pulumi." + named + ".yaml and stacks/Pulumi." + named + ".yaml"));
        }
        if (!STACK_NAME.matcher(stack).matches()) {
            throw new UsageException("stack name '" + stack + "' may contain only letters, digits, '-', '_' and '.'"
                    + " (Pulumi's rule)");
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException("stack file '" + file + "' " + (Files.exists(file)
                    ? "is not a regular file (a FIFO, socket, device or directory)" : "does not exist"));
        }
        return new StackSelection(stack, file);
    }

    /** A path given on the command line, or a usage error naming the option. */
    public static Path path(String option, String value) {
        try {
            return Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException(option + " is not a valid path ('" + value + "')");
        }
    }

    /** {@code Pulumi.dev.yaml} for stack {@code dev}, here or in {@code stacks/}. */
    static Optional<Path> stackFile(String stack) {
        for (var candidate : List.of(Path.of("Pulumi." + stack + ".yaml"), Path.of("stacks", "Pulumi." + stack + ".yaml"))) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The stack a stack file is for, by its name {@code Pulumi.<stack>.yaml}; empty for another name. */
    public static Optional<String> stackName(Path file) {
        var name = file.getFileName().toString();
        if (name.startsWith("Pulumi.") && name.endsWith(".yaml") && name.length() > "Pulumi..yaml".length()) {
            return Optional.of(name.substring("Pulumi.".length(), name.length() - ".yaml".length()));
        }
        return Optional.empty();
    }
}
