package io.istiomc.components.provider;

import com.pulumi.core.Output;
import io.istiomc.components.Problem;
import io.istiomc.components.RemoteSecretKubeconfig;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The library's rules applied to the package's inputs, each problem named by the input's path as a
 * YAML or TypeScript program spells it ({@code cluster.gateway.port}, {@code watched[0].apiServer}),
 * before the component registers anything.
 */
final class InputRules {
    private InputRules() {
    }

    /** Throws, naming each input and its rule, unless there are no problems. */
    static void requireNone(String prefix, List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(Problem.under(prefix, problems).stream()
                    .map(p -> "'" + p.property() + "' " + p.message()).collect(Collectors.joining("; ")));
        }
    }

    /**
     * An {@code apiServer} input: the URL the primaries' istiod dials with a reader token, under the
     * library's one rule ({@link RemoteSecretKubeconfig#checkServer}). A value known when the
     * component is constructed (a literal, or another component's output the engine already
     * resolved) is checked then, in a preview too; one still unknown is checked where the remote
     * secret is built from it.
     */
    static Output<String> apiServer(Output<Output<String>> value, String property) {
        Relayed.knownNow(value).ifPresent(server -> requireNone("",
                RemoteSecretKubeconfig.checkServer(server).stream().map(p -> new Problem(property, p.message())).toList()));
        return Relayed.required(value, property);
    }
}
