package com.pulumi.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;

/** A private key held in Pulumi state (token {@code tls:index/privateKey:PrivateKey}). */
@ResourceType(type = PrivateKey.TYPE)
public class PrivateKey extends CustomResource {
    public static final String TYPE = "tls:index/privateKey:PrivateKey";

    @Export(name = "algorithm", refs = {String.class}, tree = "[0]")
    private Output<String> algorithm;

    @Export(name = "rsaBits", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> rsaBits;

    @Export(name = "privateKeyPem", refs = {String.class}, tree = "[0]")
    private Output<String> privateKeyPem;

    @Export(name = "publicKeyPem", refs = {String.class}, tree = "[0]")
    private Output<String> publicKeyPem;

    public PrivateKey(String name, PrivateKeyArgs args, @Nullable CustomResourceOptions options) {
        // The provider's schema marks the private key outputs secret; the binding must do the same.
        super(TYPE, name, args, Utilities.withVersion(options, "privateKeyPem", "privateKeyOpenssh", "privateKeyPemPkcs8"));
    }

    /** The key algorithm (RSA, ECDSA or ED25519). */
    public Output<String> algorithm() {
        return algorithm;
    }

    /** The RSA key size in bits. */
    public Output<Integer> rsaBits() {
        return rsaBits;
    }

    /** The private key in PEM (RFC 1421). Secret. */
    public Output<String> privateKeyPem() {
        return privateKeyPem;
    }

    /** The public key in PEM (RFC 1421). */
    public Output<String> publicKeyPem() {
        return publicKeyPem;
    }
}
