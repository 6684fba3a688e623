package io.istiomc.components;

import com.pulumi.core.Output;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The mesh's shared trust: one root CA and one intermediate CA per cluster, as Istio recommends for
 * production (its {@code tools/certs}), where the seed copies the same sample certificates into
 * every cluster. Workloads in different clusters trust each other because every intermediate
 * chains to the one root.
 *
 * <p>Children (pulumi-tls): {@code <name>-root-key}, {@code <name>-root-cert}, and per cluster
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

    private final Output<String> rootCertPem;
    /** Parented to this component and bound to its tls provider. */
    private final CustomResourceOptions childOptions;
    private final Map<String, CaBundle> bundles = new LinkedHashMap<>();
    private final Output<Map<String, String>> certificateExpiries;

    public MeshCertificateAuthority(String name, MeshCertificateAuthorityArgs args) {
        this(name, args, null);
    }

    public MeshCertificateAuthority(String name, MeshCertificateAuthorityArgs args,
                                    @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        var tls = new com.pulumi.tls.Provider(name + "-tls", CustomResourceOptions.builder().parent(this).build());
        this.childOptions = CustomResourceOptions.builder().parent(this).provider(tls).build();
        var rootKey = new PrivateKey(name + "-root-key", rsaKey(args.rsaBits()), CustomResourceOptions.builder()
                .parent(this)
                .provider(tls)
                .protect(args.protectRootKey())
                .build());
        // The tls schema marks private keys secret; asSecret keeps them so where no engine applies it.
        var rootKeyPem = rootKey.privateKeyPem().asSecret();
        var rootCert = new SelfSignedCert(name + "-root-cert", SelfSignedCertArgs.builder()
                .privateKeyPem(rootKeyPem)
                .subject(SelfSignedCertSubjectArgs.of("Root CA", ORGANIZATION))
                .validityPeriodHours(args.rootValidityDays() * 24)
                .isCaCertificate(true)
                .allowedUses(CA_KEY_USAGES)
                .setSubjectKeyId(true)
                .build(), childOptions);
        this.rootCertPem = rootCert.certPem();
        var expiries = new LinkedHashMap<String, Output<String>>();
        expiries.put(CertificateExpiry.ROOT, rootCert.validityEndTime());

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
                    .caPrivateKeyPem(rootKeyPem)
                    .caCertPem(rootCertPem)
                    .validityPeriodHours(args.intermediateValidityDays() * 24)
                    .isCaCertificate(true)
                    // pathlen 0: an intermediate signs workload certificates, never another CA.
                    .maxPathLength(0)
                    .allowedUses(CA_KEY_USAGES)
                    .setSubjectKeyId(true)
                    .build(), childOptions);
            var chain = Output.tuple(cert.certPem(), rootCertPem).applyValue(t -> certificateChain(t.t1, t.t2));
            bundles.put(cluster, new CaBundle(cert.certPem(), keyPem, rootCertPem, chain));
            expiries.put(cluster, cert.validityEndTime());
        }
        this.certificateExpiries = Output.all(List.copyOf(expiries.values())).applyValue(times -> {
            var byName = new LinkedHashMap<String, String>();
            var names = List.copyOf(expiries.keySet());
            for (int i = 0; i < names.size(); i++) {
                byName.put(names.get(i), times.get(i));
            }
            return (Map<String, String>) java.util.Collections.unmodifiableMap(byName);
        });
        registerOutputs(Map.of("rootCertPem", rootCertPem, "certificateExpiries", certificateExpiries));
    }

    private static PrivateKeyArgs rsaKey(int bits) {
        return PrivateKeyArgs.builder().algorithm("RSA").rsaBits(bits).build();
    }

    /** {@code cert-chain.pem}: the intermediate first, then the root, each ending in a newline. */
    public static String certificateChain(String intermediatePem, String rootPem) {
        return withNewline(intermediatePem) + withNewline(rootPem);
    }

    private static String withNewline(String pem) {
        return pem.endsWith("\n") ? pem : pem + "\n";
    }

    /**
     * When each certificate stops being valid (RFC 3339, as pulumi-tls reports it): the root under
     * {@value CertificateExpiry#ROOT} (no cluster may take that name), each intermediate under its
     * cluster's name. Known once the certificates are issued; not secret.
     */
    public Output<Map<String, String>> certificateExpiries() {
        return certificateExpiries;
    }

    /** The shared root certificate (PEM). Not secret: every workload may see it. */
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
