// The dev mesh (Pulumi.dev.yaml) from the istio-multicluster component package, in TypeScript:
// cluster1 runs istiod on network1, cluster2 uses it from network2; one Mesh declares the CA, both
// clusters and the link between them. `pulumi package add ../../components` generates the SDK
// imported below; without the Pulumi CLI it could not be generated here, so this file was checked
// against the schema (components/test/.../provider/ExamplesTest) but never type-checked or run.
import * as istio from "@pulumi/istio-multicluster";

const mesh = new istio.Mesh("mesh", {
    meshId: "mesh1",
    istio: { version: "1.30.3" },
    clusters: [
        { name: "cluster1", role: "primary", context: "cluster1", network: "network1" },
        { name: "cluster2", role: "remote", context: "cluster2", network: "network2",
          apiServer: "https://cluster2.example:6443" },
    ],
    samples: { enabled: true },
});

export const gatewayAddresses = mesh.gatewayAddresses;
export const meshNetworks = mesh.meshNetworks;
export const verifyCommands = mesh.verifyCommands;
