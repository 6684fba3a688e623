package io.istiomc.safety;

import io.istiomc.components.RegisteredNames;
import io.istiomc.config.RawConfig;
import io.istiomc.plan.Plan;
import io.istiomc.plan.PlanRunner;
import io.istiomc.plan.RecordedResource;
import io.istiomc.plan.Secret;
import io.istiomc.testing.CliRun;
import io.istiomc.testing.StackYaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Shared helpers of the safety tests: stacks as YAML text, plans, the command line, and values.
 */
final class SafetyFixture {
    static final String STACK = "safety";
    static final String NAMESPACE = RegisteredNames.NAMESPACE;
    static final String SERVICE = RegisteredNames.SERVICE;
    static final String SECRET = RegisteredNames.SECRET;
    static final String CONFIG_MAP_PATCH = RegisteredNames.CONFIG_MAP_PATCH;
    static final String RELEASE = RegisteredNames.RELEASE;
    static final String K8S_PROVIDER = RegisteredNames.K8S_PROVIDER;
    static final String PRIVATE_KEY = RegisteredNames.PRIVATE_KEY;
    static final String SELF_SIGNED_CERT = RegisteredNames.SELF_SIGNED_CERT;
    static final String CERT_REQUEST = RegisteredNames.CERT_REQUEST;
    static final String LOCALLY_SIGNED_CERT = RegisteredNames.LOCALLY_SIGNED_CERT;
    static final String ISTIO_CR_PREFIX = "kubernetes:networking.istio.io/";
    static final String SAMPLE_APPS = io.istiomc.components.SampleApps.TYPE;
    static final String MESH_LINK = io.istiomc.components.MeshLink.TYPE;

    private SafetyFixture() {
    }

    // --- stacks ---

    /** The configuration of a stack file's text ({@code config:} block), as the engine would pass it. */
    static RawConfig raw(String stackYaml) {
        try {
            return RawConfig.fromStackYaml(stackYaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configuration of a stack file. */
    static RawConfig raw(Path stackFile) {
        try {
            return RawConfig.fromStackFile(stackFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file under {@code src/test/resources}, by its classpath name (e.g. {@code safety/invalid/01-x.yaml}). */
    static Path testResource(String name) {
        var url = SafetyFixture.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plan of a stack given as YAML text; the default kubeconfig is never read. */
    static Plan plan(String stackYaml) {
        return PlanRunner.run(STACK, raw(stackYaml), java.util.List.of());
    }

    /** Builds a stack's YAML: primary {@code cluster1} (context ctx-cluster1, network1) and remotes cluster2... */
    static StackYaml stack() {
        return new StackYaml();
    }

    // --- command line ---

    static CliRun cli(String... args) {
        return CliRun.run(args);
    }

    // --- values ---

    /**
     * Visits every string in a value (maps, lists, secrets), telling whether it sits inside a
     * {@link Secret}; {@code path} is dotted, list items as {@code [i]}.
     */
    static void visitStrings(Object value, String path, boolean inSecret, StringVisitor visitor) {
        if (value instanceof Secret secret) {
            visitStrings(secret.value(), path, true, visitor);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> visitStrings(v, path.isEmpty() ? String.valueOf(k) : path + "." + k, inSecret, visitor));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                visitStrings(list.get(i), path + "[" + i + "]", inSecret, visitor);
            }
        } else if (value != null) {
            visitor.visit(path, String.valueOf(value), inSecret);
        }
    }

    @FunctionalInterface
    interface StringVisitor {
        void visit(String path, String value, boolean inSecret);
    }

    /** Every map key at any depth of a value, with the dotted path of the map that holds it. */
    static void visitKeys(Object value, String path, BiConsumer<String, String> visitor) {
        if (value instanceof Secret secret) {
            visitKeys(secret.value(), path, visitor);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                visitor.accept(path, String.valueOf(k));
                visitKeys(v, path.isEmpty() ? String.valueOf(k) : path + "." + k, visitor);
            });
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> visitKeys(v, path + "[]", visitor));
        }
    }

    /** The parent component's type, or empty for top-level resources. */
    static Optional<String> parentType(Plan plan, RecordedResource resource) {
        return plan.byUrn(resource.parentUrn()).map(RecordedResource::type);
    }

    /** {@code type::name} of each resource, for failure messages. */
    static String names(Collection<RecordedResource> resources) {
        var result = new LinkedHashSet<String>();
        resources.forEach(r -> result.add(r.type() + "::" + r.name()));
        return String.join(", ", result);
    }
}
