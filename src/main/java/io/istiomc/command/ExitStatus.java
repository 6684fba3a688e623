package io.istiomc.command;

/** The exit status of every command ({@code plan}, {@code bench}), as the README documents it. */
public final class ExitStatus {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** Anything else went wrong, including a command line the user must fix. */
    public static final int FAILED = 1;
    /** The stack configuration is invalid; every problem is on stderr, named by key. */
    public static final int INVALID_CONFIG = 2;

    private ExitStatus() {
    }
}
