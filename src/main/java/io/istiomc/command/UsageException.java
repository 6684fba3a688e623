package io.istiomc.command;

import io.istiomc.config.Printable;

/** A command line the user must fix. */
public final class UsageException extends RuntimeException {
    /** The message quotes what the user typed: it is printed escaped. */
    public UsageException(String message) {
        super(Printable.escape(message));
    }
}
