package io.istiomc.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throw-away CA material in the shape of Istio's plugged-in CA ({@code cacerts}): roots and
 * intermediates made with the {@code openssl} CLI, as {@link KubeApiServer} makes its serving
 * certificates, in a directory of the caller's.
 */
final class TestCertificates {
    private final Path dir;

    /** One CA certificate and its key, PEM. */
    record Ca(String name, String certPem, String keyPem) {
    }

    TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** A self-signed root. */
    Ca root(String name) throws IOException {
        writeConfig();
        openssl("req", "-x509", "-config", "ca.cnf", "-extensions", "root", "-newkey", "rsa:2048", "-nodes",
                "-keyout", name + ".key", "-out", name + ".crt", "-days", "30", "-subj", "/O=it/CN=" + name);
        return read(name);
    }

    /** An intermediate CA signed by {@code issuer}. */
    Ca intermediate(String name, Ca issuer) throws IOException {
        writeConfig();
        openssl("req", "-new", "-config", "ca.cnf", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key",
                "-out", name + ".csr", "-subj", "/O=it/CN=" + name);
        openssl("x509", "-req", "-in", name + ".csr", "-CA", issuer.name() + ".crt", "-CAkey", issuer.name() + ".key",
                "-set_serial", Long.toString(System.nanoTime()), "-days", "10", "-extfile", "ca.cnf",
                "-extensions", "intermediate", "-out", name + ".crt");
        return read(name);
    }

    /** {@code cacerts} data for a cluster whose intermediate is {@code ca}, trusting {@code root}. */
    static java.util.Map<String, String> cacerts(Ca ca, Ca issuer, Ca root) {
        var data = new java.util.LinkedHashMap<String, String>();
        data.put("ca-cert.pem", ca.certPem());
        data.put("ca-key.pem", ca.keyPem());
        data.put("root-cert.pem", root.certPem());
        data.put("cert-chain.pem", ca.certPem() + issuer.certPem());
        return data;
    }

    private Ca read(String name) throws IOException {
        return new Ca(name, Files.readString(dir.resolve(name + ".crt")), Files.readString(dir.resolve(name + ".key")));
    }

    private void writeConfig() throws IOException {
        Files.writeString(dir.resolve("ca.cnf"), String.join("\n",
                "[req]", "distinguished_name = dn", "prompt = no", "[dn]", "CN = unused",
                "[root]", "basicConstraints = critical, CA:TRUE", "keyUsage = critical, keyCertSign, cRLSign",
                "subjectKeyIdentifier = hash",
                "[intermediate]", "basicConstraints = critical, CA:TRUE, pathlen:0",
                "keyUsage = critical, keyCertSign, cRLSign, digitalSignature", "subjectKeyIdentifier = hash", ""));
    }

    private void openssl(String... args) throws IOException {
        var command = new ArrayList<String>(List.of("openssl"));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("openssl failed: " + command + "\n" + Files.readString(dir.resolve("openssl.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running openssl", e);
        }
    }
}
