package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.core.internal.OutputData;
import com.pulumi.core.internal.OutputInternal;

/**
 * Inputs of the component args that may be another component's outputs are declared
 * {@code Output<Output<T>>} and flattened here. The engine relays a secret output with dependencies as a secret wrapping an
 * output value; pulumi-java 1.36.1 deserializes an {@code Output<T>} field one wrapper deep and
 * refuses the inner one ({@code ConstructTest#remoteClusterFromOutputValues}). The schema is the
 * same ({@code Output} of {@code Output} of a string is a string input).
 *
 * <p>An output value without a value is how the wire carries an unknown (in a preview); the SDK
 * reads it as a known null, which would reach the charts as a null address. Here it stays unknown.
 */
public final class Relayed {
    private Relayed() {
    }

    /** The inner value, unknown where the wire carried none. */
    public static <T> Output<T> flat(Output<Output<T>> value) {
        return value.apply(inner -> inner == null
                ? unknown()
                : inner.apply(known -> known == null ? unknown() : Output.of(known)));
    }

    /** A value that arrives through the outer wrapper, as a field of this shape holds it. */
    public static <T> Output<Output<T>> wrap(Output<T> value) {
        return Output.of(value);
    }

    private static <T> Output<T> unknown() {
        return new OutputInternal<>(OutputData.<T>unknown());
    }
}
