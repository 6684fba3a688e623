package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import javax.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The guide's check that the mesh works: Istio's {@code helloworld} sample (Service everywhere, a
 * version per cluster) and the {@code curl} client in every cluster, in a namespace with sidecar
 * injection, as Istio 1.30's "Verify the installation" page deploys them. Calling helloworld from curl
 * in any cluster answers from both versions, the remote ones through the east-west gateways.
 */
public class SampleApps extends ComponentResource {
    public static final String TYPE = "istio-multicluster:index:SampleApps";
    public static final String HELLOWORLD = "helloworld";
    public static final String CURL = "curl";
    public static final int HELLOWORLD_PORT = 5000;
    /** The images of Istio 1.30.3's samples (samples/helloworld/helloworld.yaml, samples/curl/curl.yaml). */
    public static final String HELLOWORLD_IMAGE = "registry.istio.io/release/examples-helloworld-%s:1.0";
    public static final String CURL_IMAGE = "docker.io/curlimages/curl:8.16.0";
    private static final String CURL_TLS_VOLUME = "secret-volume";

    private final Map<String, String> helloworldVersions = new LinkedHashMap<>();

    public SampleApps(String name, SampleAppsArgs args) {
        this(name, args, null);
    }

    public SampleApps(String name, SampleAppsArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        for (var placement : args.placements()) {
            deploy(name + "-" + placement.cluster().clusterName(), args.namespace(), placement);
            helloworldVersions.put(placement.cluster().clusterName(), placement.helloworldVersion());
        }
        registerOutputs(Map.of("helloworldVersions", helloworldVersions()));
    }

    private void deploy(String prefix, String namespaceName, SampleAppsArgs.Placement placement) {
        var provider = placement.cluster().provider();
        var namespace = new Namespace(prefix + "-namespace", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(namespaceName)
                        .labels(Map.of(Names.INJECTION_LABEL, "enabled", Names.MANAGED_BY_LABEL, Names.MANAGED_BY))
                        .build())
                .build(), options(provider, placement.after().toArray(Resource[]::new)));
        Output<String> ns = namespace.metadata().applyValue(m -> m.name().orElseThrow());
        var inNamespace = options(provider);

        var version = placement.helloworldVersion();
        new Service(prefix + "-helloworld", ServiceArgs.builder()
                .metadata(meta(HELLOWORLD, ns, Map.of("app", HELLOWORLD, "service", HELLOWORLD)))
                .spec(ServiceSpecArgs.builder()
                        .selector(Map.of("app", HELLOWORLD))
                        .ports(ServicePortArgs.builder().name("http").port(HELLOWORLD_PORT).protocol("TCP").build())
                        .build())
                .build(), inNamespace);
        var helloworldLabels = Map.of("app", HELLOWORLD, "version", version);
        new Deployment(prefix + "-helloworld-" + version, DeploymentArgs.builder()
                .metadata(meta(HELLOWORLD + "-" + version, ns, helloworldLabels))
                .spec(deploymentSpec(helloworldLabels, PodSpecArgs.builder()
                        .containers(ContainerArgs.builder()
                                .name(HELLOWORLD)
                                .image(String.format(HELLOWORLD_IMAGE, version))
                                .imagePullPolicy("IfNotPresent")
                                .ports(ContainerPortArgs.builder().containerPort(HELLOWORLD_PORT).protocol("TCP").build())
                                .resources(ResourceRequirementsArgs.builder().requests(Map.of("cpu", "100m")).build())
                                .build())
                        .build()))
                .build(), inNamespace);

        // As samples/curl/curl.yaml: only the pods carry app=curl; the TLS volume is the sample's own,
        // from a Secret that may be absent.
        var curlLabels = Map.of("app", CURL);
        var serviceAccount = new ServiceAccount(prefix + "-curl-sa", ServiceAccountArgs.builder()
                .metadata(meta(CURL, ns, Map.of()))
                .build(), inNamespace);
        new Service(prefix + "-curl", ServiceArgs.builder()
                .metadata(meta(CURL, ns, Map.of("app", CURL, "service", CURL)))
                .spec(ServiceSpecArgs.builder()
                        .selector(curlLabels)
                        .ports(ServicePortArgs.builder().name("http").port(80).protocol("TCP").build())
                        .build())
                .build(), inNamespace);
        new Deployment(prefix + "-curl-deployment", DeploymentArgs.builder()
                .metadata(meta(CURL, ns, Map.of()))
                .spec(deploymentSpec(curlLabels, PodSpecArgs.builder()
                        .serviceAccountName(serviceAccount.metadata().applyValue(m -> m.name().orElseThrow()))
                        .terminationGracePeriodSeconds(0)
                        .containers(ContainerArgs.builder()
                                .name(CURL)
                                .image(CURL_IMAGE)
                                .imagePullPolicy("IfNotPresent")
                                .command(List.of("/bin/sleep", "infinity"))
                                .volumeMounts(VolumeMountArgs.builder().name(CURL_TLS_VOLUME).mountPath("/etc/curl/tls").build())
                                .build())
                        .volumes(VolumeArgs.builder()
                                .name(CURL_TLS_VOLUME)
                                .secret(SecretVolumeSourceArgs.builder().secretName("curl-secret").optional(true).build())
                                .build())
                        .build()))
                .build(), inNamespace);
    }

    private CustomResourceOptions options(com.pulumi.kubernetes.Provider provider, Resource... dependsOn) {
        return CustomResourceOptions.builder().parent(this).provider(provider).dependsOn(dependsOn).build();
    }

    private static ObjectMetaArgs meta(String objectName, Output<String> namespace, Map<String, String> labels) {
        var all = new LinkedHashMap<>(labels);
        all.put(Names.MANAGED_BY_LABEL, Names.MANAGED_BY);
        return ObjectMetaArgs.builder().name(objectName).namespace(namespace).labels(all).build();
    }

    private static DeploymentSpecArgs deploymentSpec(Map<String, String> labels, PodSpecArgs pod) {
        return DeploymentSpecArgs.builder()
                .replicas(1)
                .selector(LabelSelectorArgs.builder().matchLabels(labels).build())
                .template(PodTemplateSpecArgs.builder()
                        .metadata(ObjectMetaArgs.builder().labels(labels).build())
                        .spec(pod)
                        .build())
                .build();
    }

    /**
     * The guide's cross-cluster check, run from the curl pod of the cluster behind {@code kubeContext}
     * in {@code kubeconfigFile} (default: kubectl's own files). Two clusters may share a context name in
     * different files, so the file is named whenever the cluster has one.
     */
    public static String verifyCommand(String kubeContext, Optional<String> kubeconfigFile, String namespace) {
        return "kubectl exec " + kubeconfigFile.map(f -> "--kubeconfig=" + f + " ").orElse("")
                + "--context=" + kubeContext + " -n " + namespace + " -c " + CURL + " deploy/" + CURL
                + " -- curl -sS " + HELLOWORLD + "." + namespace + ":" + HELLOWORLD_PORT + "/hello";
    }

    /** Which helloworld version each cluster serves, by cluster name. Known at once. */
    public Output<Map<String, String>> helloworldVersions() {
        return Output.of(Map.copyOf(helloworldVersions));
    }
}
