// The dev mesh's clusters from the istio-multicluster component package, in TypeScript: cluster1
// (primary, network1, context cluster1), cluster2 (remote, network2, context cluster2), their CA,
// and the values that flow between them as outputs.
// `pulumi package add ../../components` generates the SDK imported below (sdks/istio-multicluster);
// without the Pulumi CLI it could not be generated here, so this file was never type-checked or run.
// Not yet in the package: MeshLink (cluster2's remote secret in cluster1 and meshNetworks).
import * as pulumi from "@pulumi/pulumi";
import * as istio from "@pulumi/istio-multicluster";

const config = new pulumi.Config();
const cluster2ApiServer = config.get("cluster2ApiServer") ?? "https://cluster2.example:6443";

const ca = new istio.MeshCertificateAuthority("ca", { clusterNames: ["cluster1", "cluster2"] });

/** One cluster's cacerts material, picked from the CA's maps by cluster name. */
function certificates(clusterName: string) {
    return {
        caCertPem: ca.caCertPems.apply(pems => pems[clusterName]),
        caKeyPem: ca.caKeyPems.apply(pems => pems[clusterName]),
        rootCertPem: ca.rootCertPem,
        certChainPem: ca.certChainPems.apply(pems => pems[clusterName]),
    };
}

const cluster1 = new istio.PrimaryCluster("cluster1", {
    cluster: {
        clusterName: "cluster1",
        network: "network1",
        meshId: "mesh1",
        context: "cluster1",
        istioVersion: "1.30.3",
        certificates: certificates("cluster1"),
    },
});

const cluster2 = new istio.RemoteCluster("cluster2", {
    cluster: {
        clusterName: "cluster2",
        network: "network2",
        meshId: "mesh1",
        context: "cluster2",
        istioVersion: "1.30.3",
        gateway: { port: 15443 },
        certificates: certificates("cluster2"),
    },
    primaryClusterName: "cluster1",
    remotePilotAddress: cluster1.gatewayAddress,
    apiServer: cluster2ApiServer,
});

export const primaryGateway = cluster1.gatewayAddress;
export const remoteGateway = cluster2.gatewayAddress;
