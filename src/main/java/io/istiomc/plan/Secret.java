package io.istiomc.plan;

/** A value Pulumi treats as secret; the plan never prints {@link #value()}. */
public record Secret(Object value) {
    public static final String REDACTED = "[secret]";

    @Override
    public String toString() {
        return REDACTED;
    }
}
