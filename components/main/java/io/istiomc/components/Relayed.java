package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import com.pulumi.core.internal.OutputInternal;
import com.pulumi.resources.Resource;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Optional;

/**
 * Inputs of the component args that may be another component's outputs are declared
 * {@code Output<Output<T>>} and flattened here. The engine relays a secret output with dependencies as a secret wrapping an
 * output value; pulumi-java 1.36.1 deserializes an {@code Output<T>} field one wrapper deep and
 * refuses the inner one ({@code ConstructTest#remoteClusterFromOutputValues}). The schema is the
 * same ({@code Output} of {@code Output} of a string is a string input).
 *
 * <p>Known and unknown, as pulumi-java 1.36.1's {@code PropertyValueSerializer.deserializeOutput}
 * leaves them: an output value without a value (how the wire carries an unknown, in a preview) is
 * read as a known null, one level down from where it was: the outer output holds null for a plain
 * output value, and for a secret one the inner output is a null without dependencies (a known
 * output value keeps the URNs it depends on). Those two stay unknown here. A known null (a null
 * literal, or an output of another component that resolved to null) stays a known null: an
 * optional input then means "not set", and a required one is refused by {@link #required}.
 */
public final class Relayed {
    private Relayed() {
    }

    /** The inner value, unknown where the wire carried none. */
    public static <T> Output<T> flat(Output<Output<T>> value) {
        return value.apply(inner -> inner == null || unknownSecret(value, inner) ? unknown() : inner);
    }

    /**
     * As {@link #flat}, for an input the component cannot do without: a known null is refused naming
     * the property, at once when it is known now (as every value the engine sends is, so before
     * anything is registered), else when it resolves.
     */
    public static <T> Output<T> required(Output<Output<T>> value, String property) {
        if (isKnownNull(value)) {
            throw new IllegalArgumentException(nullRefusal(property));
        }
        return flat(value).applyValue(known -> {
            if (known == null) {
                throw new IllegalArgumentException(nullRefusal(property));
            }
            return known;
        });
    }

    /** The value when it is known now and not null: what a component can check before it registers anything. */
    public static <T> Optional<T> knownNow(Output<Output<T>> value) {
        return dataNow(value).flatMap(outer -> Optional.ofNullable(outer.getValueNullable()))
                .filter(inner -> !unknownSecret(value, inner))
                .flatMap(Relayed::dataNow)
                .flatMap(inner -> Optional.ofNullable(inner.getValueNullable()));
    }

    private static String nullRefusal(String property) {
        return "'" + property + "' is null; it is required: pass a value, or an output of another component that"
                + " resolves to one";
    }

    private static <T> boolean isKnownNull(Output<Output<T>> value) {
        var outer = dataNow(value);
        if (outer.isEmpty() || outer.get().getValueNullable() == null || unknownSecret(value, outer.get().getValueNullable())) {
            return false;
        }
        var inner = dataNow(outer.get().getValueNullable());
        return inner.isPresent() && inner.get().getValueNullable() == null;
    }

    /** A secret output value without a value: a secret outer, and a null inner without dependencies. */
    private static <T> boolean unknownSecret(Output<Output<T>> value, Output<T> inner) {
        var outer = dataNow(value);
        var data = dataNow(inner);
        return outer.isPresent() && outer.get().isSecret() && data.isPresent() && data.get().getValueNullable() == null
                && data.get().getResources().isEmpty();
    }

    /** The output's data when it is complete and known now; empty while it is pending or unknown. */
    private static <T> Optional<OutputData<T>> dataNow(Output<T> output) {
        var future = Internal.of(output).getDataAsync();
        if (!future.isDone() || future.isCompletedExceptionally()) {
            return Optional.empty();
        }
        var data = future.join();
        return data.isKnown() ? Optional.of(data) : Optional.empty();
    }

    /** A value that arrives through the outer wrapper, as a field of this shape holds it. */
    /**
     * The resources an ordering input ({@code ...After}) depends on, which the releases it gates wait
     * for; none where it is not given.
     */
    public static Output<List<Resource>> dependencies(@Nullable Output<Output<String>> after) {
        return after == null ? Output.of(List.of()) : MeshLink.dependenciesOf(flat(after));
    }

    public static <T> Output<Output<T>> wrap(Output<T> value) {
        return Output.of(value);
    }

    private static <T> Output<T> unknown() {
        return new OutputInternal<>(OutputData.<T>unknown());
    }
}
