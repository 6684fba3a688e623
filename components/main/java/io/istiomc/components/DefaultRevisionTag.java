package io.istiomc.components;

import com.pulumi.kubernetes.admissionregistration.v1.MutatingWebhookConfigurationArgs;
import com.pulumi.kubernetes.admissionregistration.v1.inputs.MutatingWebhookArgs;
import com.pulumi.kubernetes.admissionregistration.v1.inputs.RuleWithOperationsArgs;
import com.pulumi.kubernetes.admissionregistration.v1.inputs.ServiceReferenceArgs;
import com.pulumi.kubernetes.admissionregistration.v1.inputs.WebhookClientConfigArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorRequirementArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;

import java.util.List;
import java.util.Map;

/**
 * The {@code default} revision tag of a cluster: the injection webhooks for {@code istio-injection=enabled}
 * namespaces, {@code istio.io/rev=default} and {@code sidecar.istio.io/inject=true} pods, pointing at the
 * default revision's istiod. Declared by the mesh as one object rather than through a chart, so that a
 * move of {@code defaultRevision} updates it in place: the istiod chart renders the tag
 * ({@code revisionTags}) in a revision's own release, and a second release cannot take over an object
 * the first one owns, so moving it through Helm would leave a moment with no default tag at all.
 *
 * <p>Its webhooks are those of the 1.30.3 istiod chart's {@code templates/revision-tags-mwc.yaml} for the
 * tag {@code default}, as {@code istioctl tag set default} renders them (istioctl/pkg/tag/generate.go
 * renders that template with {@code revisionTags: [default]}), with the chart's defaults of
 * {@code sidecarInjectorWebhook} (no {@code enableNamespacesByDefault}, {@code reinvocationPolicy: Never}).
 * The tag carries the label {@code istio.io/rev: <rev>}, by which that revision's istiod patches the CA
 * bundle into it (pkg/webhooks/webhookpatch.go). Only a named default revision has the tag: the
 * unrevisioned control plane's own webhook carries these selectors.
 */
public final class DefaultRevisionTag {
    /** The tag's object name, as the chart names it in {@code istio-system}. */
    public static final String NAME = "istio-revision-tag-" + Revisions.DEFAULT;
    /** The primary's istiod serves injection on the chart's default path. */
    public static final String PRIMARY_INJECTION_PATH = "/inject";

    private static final String INJECTION_LABEL = "istio-injection";
    private static final String REVISION_LABEL = "istio.io/rev";
    private static final String INJECT_LABEL = "sidecar.istio.io/inject";

    private DefaultRevisionTag() {
    }

    /**
     * The tag's object.
     *
     * @param revision      the default revision, a named one
     * @param injectionPath the path its istiod serves this cluster's injection on ({@link #PRIMARY_INJECTION_PATH}
     *                      on a primary, {@link Names#injectionPath} on a remote, through its Service {@code istiod-<rev>})
     */
    public static MutatingWebhookConfigurationArgs args(Revisions.Revision revision, String injectionPath) {
        if (revision.unrevisioned()) {
            throw new IllegalArgumentException("the unrevisioned control plane's own webhook is the default tag; no tag object is declared for it");
        }
        var client = WebhookClientConfigArgs.builder().service(ServiceReferenceArgs.builder()
                .name(revision.istiodName())
                .namespace(Names.ISTIO_NAMESPACE)
                .path(injectionPath)
                .port(IstioNetworking.ISTIOD_SERVICE_WEBHOOK_PORT)
                .build()).build();
        return MutatingWebhookConfigurationArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(NAME)
                        .labels(Map.of(
                                "istio.io/tag", Revisions.DEFAULT,
                                REVISION_LABEL, revision.name(),
                                "app", "sidecar-injector",
                                "app.kubernetes.io/name", "istiod",
                                Names.MANAGED_BY_LABEL, Names.MANAGED_BY))
                        .build())
                .webhooks(List.of(
                        webhook("rev.namespace.", client,
                                selector(in(REVISION_LABEL, Revisions.DEFAULT), absent(INJECTION_LABEL)),
                                selector(notIn(INJECT_LABEL, "false"))),
                        webhook("rev.object.", client,
                                selector(absent(REVISION_LABEL), absent(INJECTION_LABEL)),
                                selector(notIn(INJECT_LABEL, "false"), in(REVISION_LABEL, Revisions.DEFAULT))),
                        webhook("namespace.", client,
                                selector(in(INJECTION_LABEL, "enabled")),
                                selector(notIn(INJECT_LABEL, "false"))),
                        webhook("object.", client,
                                selector(absent(INJECTION_LABEL), absent(REVISION_LABEL)),
                                selector(in(INJECT_LABEL, "true"), absent(REVISION_LABEL)))))
                .build();
    }

    private static MutatingWebhookArgs webhook(String prefix, WebhookClientConfigArgs client, LabelSelectorArgs namespaces,
                                               LabelSelectorArgs objects) {
        return MutatingWebhookArgs.builder()
                .name(prefix + "sidecar-injector.istio.io")
                .clientConfig(client)
                .sideEffects("None")
                .rules(RuleWithOperationsArgs.builder().operations("CREATE").apiGroups("").apiVersions("v1")
                        .resources("pods").build())
                .failurePolicy("Fail")
                .reinvocationPolicy("Never")
                .admissionReviewVersions("v1")
                .namespaceSelector(namespaces)
                .objectSelector(objects)
                .build();
    }

    private static LabelSelectorArgs selector(LabelSelectorRequirementArgs... requirements) {
        return LabelSelectorArgs.builder().matchExpressions(List.of(requirements)).build();
    }

    private static LabelSelectorRequirementArgs in(String key, String value) {
        return LabelSelectorRequirementArgs.builder().key(key).operator("In").values(value).build();
    }

    private static LabelSelectorRequirementArgs notIn(String key, String value) {
        return LabelSelectorRequirementArgs.builder().key(key).operator("NotIn").values(value).build();
    }

    private static LabelSelectorRequirementArgs absent(String key) {
        return LabelSelectorRequirementArgs.builder().key(key).operator("DoesNotExist").build();
    }
}
