package io.istiomc.plan;

import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * Keeps every registration request the engine answered: the mocks alone see a resource's type, name,
 * inputs and provider, but not its parent, dependencies or secrets.
 */
final class GraphRecorder {
    private final List<RecordedResource> recorded = Collections.synchronizedList(new ArrayList<>());

    void registered(RegisterResourceRequest request, RegisterResourceResponse response) {
        var dependencies = new TreeSet<>(request.getDependenciesList());
        request.getPropertyDependenciesMap().values().forEach(d -> dependencies.addAll(d.getUrnsList()));
        recorded.add(new RecordedResource(
                response.getUrn(),
                request.getType(),
                request.getName(),
                request.getCustom(),
                request.getParent(),
                request.getProvider(),
                List.copyOf(dependencies),
                request.getProtect(),
                ProtoValues.fromStruct(request.getObject()),
                aliases(request)));
    }

    private static List<RecordedResource.Alias> aliases(RegisterResourceRequest request) {
        return request.getAliasesList().stream()
                .map(alias -> alias.hasSpec()
                        ? new RecordedResource.Alias("", alias.getSpec().getName(), alias.getSpec().getType(),
                                alias.getSpec().getParentUrn(), alias.getSpec().getNoParent())
                        : new RecordedResource.Alias(alias.getUrn(), "", "", "", false))
                .toList();
    }

    List<RecordedResource> recorded() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }
}
