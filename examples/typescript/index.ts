// The dev mesh from the istio-multicluster component package, in TypeScript: cluster1 (primary,
// network1, context cluster1), cluster2 (remote, network2, context cluster2), their CA, and the
// MeshLink that puts cluster2's remote secret and the meshNetworks into cluster1; the values that
// flow between them are outputs.
// `pulumi package add ../../components` generates the SDK imported below (sdks/istio-multicluster);
// without the Pulumi CLI it could not be generated here, so this file was never type-checked or run.
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
    // primary-remote across networks: istiod serves cluster2 through the east-west gateway
    servesRemotes: true,
    multiNetwork: true,
});

/**
 * A gateway address the topology guarantees: the schema marks gatewayAddress optional because a
 * cluster on a one-network mesh that serves no remotes has no east-west gateway.
 */
function gatewayOf(cluster: { gatewayAddress: pulumi.Output<string | undefined> }, name: string): pulumi.Output<string> {
    return cluster.gatewayAddress.apply(address => {
        if (address === undefined) {
            throw new Error(`${name} has no east-west gateway; declare it with multiNetwork or servesRemotes`);
        }
        return address;
    });
}

const cluster1Gateway = gatewayOf(cluster1, "cluster1");

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
    remotePilotAddress: cluster1Gateway,
    apiServer: cluster2ApiServer,
    multiNetwork: true,
});

const mesh = new istio.MeshLink("mesh", {
    watchers: [{
        clusterName: "cluster1",
        network: "network1",
        context: "cluster1",
        istiodRevision: cluster1.istiodRevision,
        gateway: { address: cluster1Gateway, port: 15443 },
    }],
    watched: [{
        clusterName: "cluster2",
        network: "network2",
        apiServer: cluster2.apiServer,
        readerToken: cluster2.readerToken,
        apiServerCaData: cluster2.apiServerCaData,
        gateway: { address: gatewayOf(cluster2, "cluster2"), port: 15443 },
    }],
});

export const primaryGateway = cluster1.gatewayAddress;
export const remoteGateway = cluster2.gatewayAddress;
export const meshNetworks = mesh.meshNetworks;
