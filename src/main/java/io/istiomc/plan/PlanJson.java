package io.istiomc.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plan as one JSON object: {@code stack}, {@code clusters}, {@code resources} and {@code outputs}.
 * Every secret value is the string {@code "[secret]"}; the same plan always gives the same bytes.
 */
public final class PlanJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private PlanJson() {
    }

    public static String write(Plan plan) {
        try {
            return MAPPER.writeValueAsString(document(plan)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> document(Plan plan) {
        var clusters = new ArrayList<Map<String, Object>>();
        var topology = plan.topology();
        for (var cluster : topology.clusters()) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("name", cluster.name());
            entry.put("role", cluster.roleName());
            topology.controlPlaneOf(cluster).ifPresent(p -> entry.put("controlPlane", p));
            entry.put("context", cluster.context());
            entry.put("network", cluster.network());
            plan.gatewayAddress(cluster.name()).ifPresent(address ->
                    entry.put("gatewayAddress", Map.of("value", address.value(), "simulated", address.simulated())));
            var apiServer = plan.apiServers().get(cluster.name());
            if (apiServer != null) {
                var server = new LinkedHashMap<String, Object>();
                server.put("value", apiServer.url());
                server.put("simulated", apiServer.simulated());
                apiServer.tlsServerName().ifPresent(n -> server.put("tlsServerName", n));
                entry.put("apiServer", server);
            }
            clusters.add(entry);
        }
        var resources = new ArrayList<Map<String, Object>>();
        for (var resource : plan.resources()) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("urn", resource.urn());
            entry.put("type", resource.type());
            entry.put("name", resource.name());
            entry.put("cluster", plan.clusterOf(resource).orElse(null));
            entry.put("provider", resource.providerUrn().orElse(null));
            entry.put("parent", resource.parentUrn().isEmpty() ? null : resource.parentUrn());
            entry.put("dependsOn", resource.dependencies());
            entry.put("protect", resource.protect());
            entry.put("inputs", Redaction.redact(resource.inputs()));
            resources.add(entry);
        }
        var document = new LinkedHashMap<String, Object>();
        document.put("stack", plan.stack());
        document.put("clusters", clusters);
        document.put("resources", resources);
        document.put("outputs", Redaction.redact(plan.outputs()));
        return document;
    }
}
