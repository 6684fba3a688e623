package io.istiomc.config;

/**
 * Makes a value that came from the user safe to print in a message: control characters, newlines
 * and other invisible characters become escapes, so that no value can start a new line in a CI log
 * (a forged {@code ::error}) or send terminal escape sequences.
 */
public final class Printable {
    private Printable() {
    }

    /** The value with every control, format, separator (other than space) and unassigned character escaped. */
    public static String escape(String value) {
        if (value == null) {
            return "null";
        }
        var out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c == ' ' || !invisible(c)) {
                        out.appendCodePoint(c);
                    } else {
                        out.append(c <= 0xFFFF ? String.format("\\u%04X", c) : String.format("\\U%08X", c));
                    }
                }
            }
        });
        return out.toString();
    }

    private static boolean invisible(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE -> true;
            default -> false;
        };
    }
}
