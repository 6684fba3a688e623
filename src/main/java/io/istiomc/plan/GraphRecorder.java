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
                formerNames(request)));
    }

    /** The names (or URNs) a resource's aliases give it; aliases that only change its type (as the SDK's own) name none. */
    private static List<String> formerNames(RegisterResourceRequest request) {
        return request.getAliasesList().stream()
                .map(alias -> alias.hasSpec() ? alias.getSpec().getName() : alias.getUrn())
                .filter(name -> !name.isEmpty())
                .toList();
    }

    List<RecordedResource> recorded() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }
}
