package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.meta.v1.outputs.ObjectMeta;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.Map;
import java.util.Objects;

/**
 * An Istio custom resource (Gateway, VirtualService, ...). pulumi-kubernetes 4.0.0's Java SDK has
 * no {@code apiextensions.CustomResource}; the provider itself accepts any kind under the token
 * {@code kubernetes:<apiVersion>:<kind>}, so this class only supplies that token and the object.
 * The {@code spec} is untyped because Kubernetes leaves it untyped; the mesh builds every spec in
 * {@link IstioNetworking}.
 */
public class IstioCustomResource extends CustomResource {
    @Export(name = "metadata", refs = {ObjectMeta.class}, tree = "[0]")
    private Output<ObjectMeta> metadata;

    public IstioCustomResource(String name, Args args, CustomResourceOptions options) {
        super(typeToken(args.apiVersion, args.kind), name, args, Objects.requireNonNull(options, "options"));
    }

    /** The provider's type token for a kind: {@code kubernetes:networking.istio.io/v1:Gateway}. */
    public static String typeToken(String apiVersion, String kind) {
        return "kubernetes:" + apiVersion + ":" + kind;
    }

    /** The object as the cluster stores it. */
    public Output<ObjectMeta> metadata() {
        return metadata;
    }

    /** The whole object: apiVersion, kind, metadata and an untyped spec. */
    public static final class Args extends ResourceArgs {
        @Import(name = "apiVersion", required = true)
        private final String apiVersion;

        @Import(name = "kind", required = true)
        private final String kind;

        @Import(name = "metadata", required = true)
        private final ObjectMetaArgs metadata;

        @Import(name = "spec", required = true)
        private final Map<String, Object> spec;

        public Args(String apiVersion, String kind, ObjectMetaArgs metadata, Map<String, Object> spec) {
            this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
            this.kind = Objects.requireNonNull(kind, "kind");
            this.metadata = Objects.requireNonNull(metadata, "metadata");
            this.spec = Map.copyOf(spec);
        }
    }
}
