package io.istiomc.command;

import io.istiomc.config.Printable;
import io.istiomc.config.YamlInput;
import io.istiomc.config.InvalidConfigException;

import java.io.IOException;
import java.io.PrintStream;

/** How a command that reads a stack reports what it could not read, and the exit status that says so. */
public final class InputFailures {
    private InputFailures() {
    }

    /**
     * Prints the failure on {@code err}: an invalid configuration (every problem by key) or a stack
     * file Pulumi would refuse to read is {@link ExitStatus#INVALID_CONFIG}; a file that cannot be
     * read at all is {@link ExitStatus#FAILED}.
     */
    public static int report(Exception failure, PrintStream err) {
        if (failure instanceof InvalidConfigException) {
            err.println(failure.getMessage());
            return ExitStatus.INVALID_CONFIG;
        }
        if (failure instanceof YamlInput.RejectedInputException) {
            // What Pulumi would refuse to read as a stack file is a configuration error too.
            err.println("invalid stack configuration: " + failure.getMessage());
            return ExitStatus.INVALID_CONFIG;
        }
        if (failure instanceof IOException) {
            err.println("error: " + Printable.escape(failure.getMessage()));
            return ExitStatus.FAILED;
        }
        throw new IllegalArgumentException("unsupported input failure " + failure.getClass().getName());
    }
}
