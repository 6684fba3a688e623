package io.istiomc.components.provider;

import com.pulumi.core.Output;

/**
 * Inputs that may be another component's outputs are declared {@code Output<Output<T>>} and
 * flattened here. The engine relays a secret output with dependencies as a secret wrapping an
 * output value; pulumi-java 1.36.1 deserializes an {@code Output<T>} field one wrapper deep and
 * refuses the inner one ({@code ConstructTest#remoteClusterFromOutputValues}). The schema is the
 * same ({@code Output} of {@code Output} of a string is a string input).
 */
final class Relayed {
    private Relayed() {
    }

    static <T> Output<T> flat(Output<Output<T>> value) {
        return value.apply(inner -> inner);
    }
}
