package io.istiomc.components;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One broken rule of a component's arguments, found by a pure check before anything is registered.
 * Each rule is written once, as a check returning problems: a component throws on them, and the
 * program's config reader reports each under the config key the property came from.
 *
 * @param property the argument the rule is about, relative to what was checked (e.g. {@code port})
 * @param message  the rule and the fix, to follow the property's name, e.g.
 *                 {@code must be a port number from 1 to 65535 (got 0)}
 */
public record Problem(String property, String message) {
    /** The same problem, its property named under {@code prefix} (e.g. {@code cluster.gateway.}). */
    public Problem under(String prefix) {
        return new Problem(prefix + property, message);
    }

    /** The problems, each named under {@code prefix}. */
    public static List<Problem> under(String prefix, List<Problem> problems) {
        return problems.stream().map(p -> p.under(prefix)).toList();
    }

    /** The problems of a check about one value, each named {@code property} (the name the caller knows the value by). */
    public static List<Problem> at(String property, List<Problem> problems) {
        return problems.stream().map(p -> new Problem(property, p.message())).toList();
    }

    /**
     * Throws unless there are no problems, naming the arguments' class, each property and its rule.
     *
     * @throws IllegalArgumentException e.g. {@code EastWestGatewayArgs: 'port' must be a port number from 1 to 65535 (got 0)}
     */
    public static void requireNone(String owner, List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.stream()
                    .map(p -> owner + ": '" + p.property() + "' " + p.message())
                    .collect(Collectors.joining("\n")));
        }
    }
}
