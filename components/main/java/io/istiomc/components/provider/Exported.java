package io.istiomc.components.provider;

import com.pulumi.core.Output;
import io.istiomc.components.ClusterHandle;

import java.util.function.Function;

/**
 * A cluster handle's optional parts as exported outputs: the value where the topology gives the
 * cluster the part (a gateway, reader access), else null, which the schema declares optional.
 */
final class Exported {
    private Exported() {
    }

    static Output<String> gatewayAddress(ClusterHandle cluster) {
        return cluster.gateway().map(ClusterHandle.Gateway::address).orElseGet(() -> Output.ofNullable(null));
    }

    static Output<Integer> gatewayPort(ClusterHandle cluster) {
        return Output.ofNullable(cluster.gateway().map(ClusterHandle.Gateway::port).orElse(null));
    }

    static Output<String> reader(ClusterHandle cluster, Function<ClusterHandle.Reader, Output<String>> part) {
        return cluster.reader().map(part).orElseGet(() -> Output.ofNullable(null));
    }
}
