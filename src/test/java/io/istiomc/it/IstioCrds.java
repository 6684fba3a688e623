package io.istiomc.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Istio's CustomResourceDefinitions for integration tests, from the test resource
 * {@value #RESOURCE} (istio/istio release 1.30.3, {@code manifests/charts/base/files/crd-all.gen.yaml},
 * Apache-2.0; copied from the project's shared material).
 */
public final class IstioCrds {

    /** Classpath location of the unmodified CRD bundle. */
    public static final String RESOURCE = "/istio/1.30.3/crd-all.gen.yaml";

    private IstioCrds() {
    }

    /** Every CRD of the bundle, unmodified. */
    public static List<JsonNode> all() {
        try (InputStream in = IstioCrds.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + RESOURCE + " is missing");
            }
            List<JsonNode> crds = new ArrayList<>();
            for (JsonNode doc : KubeClient.parseAll(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                if ("CustomResourceDefinition".equals(doc.path("kind").asText())) {
                    crds.add(doc);
                }
            }
            return crds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every CRD, adapted so that a Kubernetes 1.20 API server accepts it. This is the ONE place
     * where the bundle is changed:
     * <ul>
     *   <li>every {@code x-kubernetes-validations} key (CEL validation rules, Kubernetes 1.25+) is
     *       removed, at any depth: 1.20's schema has no such field, so server-side apply rejects
     *       the CRD otherwise. The CEL rules are therefore NOT enforced by the test servers.</li>
     * </ul>
     *
     * <p>Known 1.20 limitation, not fixable here: for int-or-string fields inside array items
     * (Istio's {@code status.conditions[].observedGeneration}) 1.20 generates an OpenAPI model it
     * cannot read, logs "error building openapi models for gateways.networking.istio.io ... invalid
     * property: anyOf" on first use of a kind, and server-side applies those custom resources
     * without a schema (lists atomic, maps merged). Istio's spec lists are atomic anyway, and
     * CRD validation of the objects is unaffected.
     */
    public static List<JsonNode> forKube120() {
        List<JsonNode> crds = all();
        crds.forEach(IstioCrds::adaptForKube120);
        return crds;
    }

    /** One CRD adapted as {@link #forKube120()} describes, in place (the base chart renders the same CRDs). */
    static JsonNode adaptForKube120(JsonNode crd) {
        removeKeyRecursively(crd, "x-kubernetes-validations");
        return crd;
    }

    /**
     * Server-side applies {@link #forKube120()} through {@code client} and waits until every CRD
     * is Established (its kinds are then served).
     *
     * @return the names of the applied CRDs
     */
    public static List<String> installForKube120(KubeClient client, Duration timeout) {
        List<String> names = new ArrayList<>();
        for (JsonNode crd : forKube120()) {
            client.serverSideApply(crd, KubeClient.DEFAULT_FIELD_MANAGER);
            names.add(crd.path("metadata").path("name").asText());
        }
        for (String name : names) {
            String path = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/" + name;
            KubeClient.waitFor("CRD " + name + " to be Established on " + client.server(), timeout,
                    () -> isEstablished(client.get(path)));
        }
        return names;
    }

    /** True when the CRD's status has condition Established=True. */
    public static boolean isEstablished(JsonNode crd) {
        for (JsonNode c : crd.path("status").path("conditions")) {
            if ("Established".equals(c.path("type").asText()) && "True".equals(c.path("status").asText())) {
                return true;
            }
        }
        return false;
    }

    private static void removeKeyRecursively(JsonNode node, String key) {
        if (node instanceof ObjectNode object) {
            object.remove(key);
            for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
                removeKeyRecursively(it.next(), key);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> removeKeyRecursively(child, key));
        }
    }
}
