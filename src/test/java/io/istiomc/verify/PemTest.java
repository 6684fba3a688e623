package io.istiomc.verify;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PemTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "rsa-pkcs1, RSA, SHA256withRSA",
            "rsa-pkcs8, RSA, SHA256withRSA",
            "ec-sec1, EC, SHA256withECDSA",
            "ec-pkcs8, EC, SHA256withECDSA",
            "ed25519-pkcs8, Ed25519, Ed25519"})
    @DisplayName("a kubeconfig's client key reads in each form OpenSSL writes, and is the key of its public half")
    void privateKeyForms(String name, String algorithm, String signatureAlgorithm) throws Exception {
        // GIVEN a key OpenSSL wrote and its public half
        var key = Pem.privateKey(resource(name + ".key"), "client-key");
        var publicPem = new String(resource(name + ".pub"), StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var publicKey = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicPem)));
        // WHEN it signs
        var signer = Signature.getInstance(signatureAlgorithm);
        signer.initSign(key);
        signer.update("verify".getBytes(StandardCharsets.US_ASCII));
        var signature = signer.sign();
        // THEN its public half verifies the signature
        var verifier = Signature.getInstance(signatureAlgorithm);
        verifier.initVerify(publicKey);
        verifier.update("verify".getBytes(StandardCharsets.US_ASCII));
        assertTrue(verifier.verify(signature));
    }

    @Test
    @DisplayName("what is not a key is refused without quoting it")
    void notAKey() throws Exception {
        var certificate = resource("server-names.crt");
        var e = assertThrows(GeneralSecurityException.class, () -> Pem.privateKey(certificate, "client-key"));
        assertEquals("client-key is not an unencrypted PEM private key", e.getMessage());
        var broken = new String(resource("rsa-pkcs1.key"), StandardCharsets.US_ASCII).replace("MII", "AAA")
                .getBytes(StandardCharsets.US_ASCII);
        var unreadable = assertThrows(GeneralSecurityException.class, () -> Pem.privateKey(broken, "client-key"));
        assertTrue(unreadable.getMessage().startsWith("client-key is not a readable RSA private key"), unreadable.getMessage());
        assertFalse(unreadable.getMessage().contains("AAA"));
    }

    @Test
    @DisplayName("certificates read in order; a text that holds none is refused")
    void certificates() throws Exception {
        var two = (new String(resource("server-names.crt"), StandardCharsets.US_ASCII) + "\n"
                + new String(resource("server-names.crt"), StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
        assertEquals(2, Pem.certificates(two, "ca").size());
        var e = assertThrows(GeneralSecurityException.class, () -> Pem.certificates("no".getBytes(StandardCharsets.US_ASCII), "ca"));
        assertTrue(e.getMessage().startsWith("ca "), e.getMessage());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "127.0.0.1, true",
            "[::1], true",
            "0:0:0:0:0:0:0:1, true",
            "127.0.0.2, false",
            "api.cluster2.example, true",
            "API.Cluster2.example, true",
            "cluster2.example, false",
            "a.wild.example, true",
            "a.b.wild.example, false",
            "wild.example, false",
            "api-server, false"})
    @DisplayName("the server's certificate matches a TLS server name by its subject alternative names only, as Go checks them")
    void serverNames(String name, boolean matches) throws Exception {
        var certificate = Pem.certificates(resource("server-names.crt"), "server").get(0);
        assertEquals(matches, ApiConnection.NameVerifyingTrustManager.matches(certificate, name));
    }

    static byte[] resource(String name) throws Exception {
        try (var in = PemTest.class.getResourceAsStream("/verify/keys/" + name)) {
            return in.readAllBytes();
        }
    }
}
