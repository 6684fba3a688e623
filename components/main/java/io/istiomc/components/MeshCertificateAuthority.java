package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.tls.CertRequest;
import com.pulumi.tls.CertRequestArgs;
import com.pulumi.tls.LocallySignedCert;
import com.pulumi.tls.LocallySignedCertArgs;
import com.pulumi.tls.PrivateKey;
import com.pulumi.tls.PrivateKeyArgs;
import com.pulumi.tls.SelfSignedCert;
import com.pulumi.tls.SelfSignedCertArgs;
import com.pulumi.tls.inputs.CertRequestSubjectArgs;
import com.pulumi.tls.inputs.SelfSignedCertSubjectArgs;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The mesh's shared trust: one root CA and one intermediate CA per cluster, as Istio recommends for
 * production (its {@code tools/certs}), where the seed copies the same sample certificates into
 * every cluster. Workloads in different clusters trust each other because every intermediate
 * chains to a root that every cluster trusts: the one root, or during a root rotation the signing
 * root among the several that every cluster's {@code root-cert.pem} holds.
 *
 * <p>Children (pulumi-tls): {@code <name>-root-key}, {@code <name>-root-cert} (the first root; any
 * other root {@code <name>-root-<root>-key} and {@code -cert}), and per cluster
 * {@code <name>-<cluster>-key}, {@code -csr} and {@code -cert}. Each cluster's certificates are
 * named after it, so adding a cluster never re-issues another's.
 */
public class MeshCertificateAuthority extends ComponentResource {
    public static final String TYPE = "istio-multicluster:index:MeshCertificateAuthority";

    /** The SAN Istio's tools/certs puts on every intermediate: istiod serves with certificates it signs. */
    public static final String INTERMEDIATE_DNS_NAME = "istiod." + Names.ISTIO_NAMESPACE + ".svc";
    public static final String ORGANIZATION = "Istio";
    /** Key usages in the tls provider's spelling. */
    public static final List<String> CA_KEY_USAGES = List.of("cert_signing", "crl_signing", "digital_signature",
            "key_encipherment");

    /** Key sizes of the root and the intermediates. */
    public static final List<Integer> RSA_SIZES = List.of(2048, 3072, 4096);
    /** The longest validity accepted, a century: a typo of a few digits is caught, any real lifetime passes. */
    public static final int MAX_VALIDITY_DAYS = 36500;
    /** Istio's tools/certs: a root for ten years, intermediates for two, 4096-bit keys. */
    public static final int DEFAULT_ROOT_VALIDITY_DAYS = 3650;
    public static final int DEFAULT_INTERMEDIATE_VALIDITY_DAYS = 730;
    public static final int DEFAULT_RSA_BITS = 4096;
    /** The CA's first root, whose resources keep the names of versions that had one root only. */
    public static final String FIRST_ROOT = "root";
    /** Cluster names whose children would collide with the first root's ({@code <ca>-<cluster>-key}). */
    static final java.util.Set<String> RESERVED_CLUSTER_NAMES = java.util.Set.of("root");

    /** The roots every cluster trusts (PEM): the one root, or each listed root in turn while it is rotated. */
    @Export(name = "rootCertPem", refs = String.class)
    @Import(required = true)
    private final Output<String> rootCertPem;

    /** Each cluster's intermediate CA certificate (PEM), by cluster name. */
    @Export(name = "caCertPems", refs = {Map.class, String.class}, tree = "[0,1,1]")
    @Import(required = true)
    private final Output<Map<String, String>> caCertPems;

    /** Each cluster's intermediate private key (PEM), by cluster name. Secret. */
    @Export(name = "caKeyPems", refs = {Map.class, String.class}, tree = "[0,1,1]")
    @Import(required = true)
    private final Output<Map<String, String>> caKeyPems;

    /** Each cluster's chain, intermediate then the signing root (PEM), by cluster name. */
    @Export(name = "certChainPems", refs = {Map.class, String.class}, tree = "[0,1,1]")
    @Import(required = true)
    private final Output<Map<String, String>> certChainPems;

    /** Parented to this component and bound to its tls provider. */
    private final CustomResourceOptions childOptions;
    private final Map<String, CaBundle> bundles = new LinkedHashMap<>();
    /**
     * When each certificate stops being valid (RFC 3339, as pulumi-tls reports it): each root under
     * {@link CertificateExpiry#rootKey}, each intermediate under its cluster's name.
     */
    @Export(name = "certificateExpiries", refs = {Map.class, String.class}, tree = "[0,1,1]")
    @Import(required = true)
    private final Output<Map<String, String>> certificateExpiries;

    public MeshCertificateAuthority(String name, MeshCertificateAuthorityArgs args,
                                    @Nullable ComponentResourceOptions options) {
        // Validated before super(): a bad argument must fail before anything is registered.
        super(TYPE, name, validated(args, options));
        var tls = new com.pulumi.tls.Provider(name + "-tls", CustomResourceOptions.builder().parent(this).build());
        this.childOptions = CustomResourceOptions.builder().parent(this).provider(tls).build();
        var expiries = new LinkedHashMap<String, Output<String>>();
        var rootCerts = new ArrayList<Output<String>>();
        Output<String> signingKeyPem = null;
        Output<String> signingCertPem = null;
        for (var root : args.roots()) {
            var rootKey = new PrivateKey(rootResourceName(name, root, "key"), rsaKey(args.rsaBits()), CustomResourceOptions.builder()
                    .parent(this)
                    .provider(tls)
                    .protect(args.protectRootKey())
                    .build());
            // The tls schema marks private keys secret; asSecret keeps them so where no engine applies it.
            var rootKeyPem = rootKey.privateKeyPem().asSecret();
            var rootCert = new SelfSignedCert(rootResourceName(name, root, "cert"), SelfSignedCertArgs.builder()
                    .privateKeyPem(rootKeyPem)
                    .subject(SelfSignedCertSubjectArgs.of(rootCommonName(root), ORGANIZATION))
                    .validityPeriodHours(args.rootValidityDays() * 24)
                    .isCaCertificate(true)
                    .allowedUses(CA_KEY_USAGES)
                    .setSubjectKeyId(true)
                    .build(), childOptions);
            rootCerts.add(rootCert.certPem());
            expiries.put(CertificateExpiry.rootKey(root), rootCert.validityEndTime());
            if (root.equals(args.signingRoot())) {
                signingKeyPem = rootKeyPem;
                signingCertPem = rootCert.certPem();
            }
        }
        // One root is root-cert.pem as it always was; several are concatenated in the order listed, so that
        // the bundle's bytes stay the same while only the signing root changes (istiod compares them).
        this.rootCertPem = rootCerts.size() == 1 ? rootCerts.get(0)
                : Output.all(rootCerts).applyValue(MeshCertificateAuthority::rootBundle);
        var signingRootCertPem = signingCertPem;

        for (var cluster : args.clusterNames()) {
            var key = new PrivateKey(name + "-" + cluster + "-key", rsaKey(args.rsaBits()),
                    childOptions);
            var keyPem = key.privateKeyPem().asSecret();
            var csr = new CertRequest(name + "-" + cluster + "-csr", CertRequestArgs.builder()
                    .privateKeyPem(keyPem)
                    .subject(CertRequestSubjectArgs.of("Intermediate CA", ORGANIZATION, cluster))
                    .dnsNames(List.of(INTERMEDIATE_DNS_NAME))
                    .build(), childOptions);
            var certArgs = LocallySignedCertArgs.builder();
            if (args.intermediateRenewalDays() > 0) {
                // Set only when asked, so that stacks without a window keep the inputs they were deployed with.
                certArgs.earlyRenewalHours(args.intermediateRenewalDays() * 24);
            }
            var cert = new LocallySignedCert(name + "-" + cluster + "-cert", certArgs
                    .certRequestPem(csr.certRequestPem())
                    .caPrivateKeyPem(signingKeyPem)
                    .caCertPem(signingRootCertPem)
                    .validityPeriodHours(args.intermediateValidityDays() * 24)
                    .isCaCertificate(true)
                    // pathlen 0: an intermediate signs workload certificates, never another CA.
                    .maxPathLength(0)
                    .allowedUses(CA_KEY_USAGES)
                    .setSubjectKeyId(true)
                    .build(), childOptions);
            var chain = Output.tuple(cert.certPem(), signingRootCertPem).applyValue(t -> certificateChain(t.t1, t.t2));
            bundles.put(cluster, new CaBundle(cert.certPem(), keyPem, rootCertPem, chain));
            expiries.put(cluster, cert.validityEndTime());
        }
        var clusterNames = args.clusterNames();
        this.caCertPems = byCluster(clusterNames, CaBundle::caCertPem);
        this.caKeyPems = byCluster(clusterNames, CaBundle::caKeyPem).asSecret();
        this.certChainPems = byCluster(clusterNames, CaBundle::certChainPem);
        this.certificateExpiries = OutputMaps.byName(expiries);
        registerOutputs(Map.of("rootCertPem", rootCertPem, "caCertPems", caCertPems, "caKeyPems", caKeyPems,
                "certChainPems", certChainPems, "certificateExpiries", certificateExpiries));
    }

    private static @Nullable ComponentResourceOptions validated(MeshCertificateAuthorityArgs args,
                                                                @Nullable ComponentResourceOptions options) {
        MeshCertificateAuthorityArgs.validate(args);
        return options;
    }

    private Output<Map<String, String>> byCluster(List<String> clusterNames, java.util.function.Function<CaBundle, Output<String>> part) {
        var values = new LinkedHashMap<String, Output<String>>();
        clusterNames.forEach(cluster -> values.put(cluster, part.apply(bundle(cluster))));
        return OutputMaps.byName(values);
    }

    private static PrivateKeyArgs rsaKey(int bits) {
        return PrivateKeyArgs.builder().algorithm("RSA").rsaBits(bits).build();
    }

    /**
     * A root's resource names: {@code <ca>-root-key} and {@code <ca>-root-cert} for the first root (the
     * names of every earlier version), {@code <ca>-root-<root>-key} and {@code -cert} for any other.
     */
    static String rootResourceName(String caName, String root, String part) {
        return caName + "-root-" + (root.equals(FIRST_ROOT) ? "" : root + "-") + part;
    }

    /** Roots of distinct subjects, so that no verifier picks a root by name and finds the other one. */
    private static String rootCommonName(String root) {
        return root.equals(FIRST_ROOT) ? "Root CA" : "Root CA " + root;
    }

    /** {@code root-cert.pem} of several roots: each certificate in turn, each ending in a newline. */
    public static String rootBundle(List<?> rootPems) {
        var bundle = new StringBuilder();
        rootPems.forEach(pem -> bundle.append(withNewline((String) pem)));
        return bundle.toString();
    }

    /** {@code cert-chain.pem}: the intermediate first, then the root, each ending in a newline. */
    public static String certificateChain(String intermediatePem, String rootPem) {
        return withNewline(intermediatePem) + withNewline(rootPem);
    }

    private static String withNewline(String pem) {
        return pem.endsWith("\n") ? pem : pem + "\n";
    }

    /**
     * When each certificate stops being valid (RFC 3339, as pulumi-tls reports it): the first root under
     * {@value CertificateExpiry#ROOT} (no cluster may take that name), any other root under
     * {@code root:<name>} (no cluster name holds a colon), each intermediate under its cluster's name.
     * Known once the certificates are issued; not secret.
     */
    public Output<Map<String, String>> certificateExpiries() {
        return certificateExpiries;
    }

    /**
     * The roots every cluster trusts, {@code root-cert.pem} (PEM): the one root, or while a root is
     * rotated every listed root in the order listed. Not secret: every workload may see it.
     */
    public Output<String> rootCertPem() {
        return rootCertPem;
    }

    /**
     * The {@code cacerts} material of one cluster; its key is secret.
     *
     * @throws NoSuchElementException if the cluster was not in {@code clusterNames}
     */
    public CaBundle bundle(String clusterName) {
        var bundle = bundles.get(clusterName);
        if (bundle == null) {
            throw new NoSuchElementException("MeshCertificateAuthority has no intermediate for cluster '" + clusterName
                    + "'; add it to 'clusterNames'");
        }
        return bundle;
    }
}
