package io.istiomc.verify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * PEM certificates and private keys, as kubeconfigs and {@code cacerts} hold them. Messages never
 * quote the input: a key's text is a secret.
 */
final class Pem {
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN (RSA |EC )?PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END \\1?PRIVATE KEY-----");
    /** rsaEncryption (RFC 8017 A.1) and id-ecPublicKey (RFC 5480 2.1.1), DER-encoded OIDs. */
    private static final byte[] RSA_ENCRYPTION = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01};
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private Pem() {
    }

    /** The certificates in a PEM text, in order; an error naming {@code what} when there is none or one is not a certificate. */
    static List<X509Certificate> certificates(byte[] pem, String what) throws GeneralSecurityException {
        try {
            var certificates = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
            if (certificates.isEmpty()) {
                throw new CertificateException(what + " holds no PEM certificate");
            }
            return certificates.stream().map(X509Certificate.class::cast).toList();
        } catch (CertificateException e) {
            throw new CertificateException(what + " is not a PEM certificate (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * A PEM private key: PKCS#8 ({@code PRIVATE KEY}, RSA, EC or Ed25519), PKCS#1 ({@code RSA PRIVATE
     * KEY}) or SEC 1 ({@code EC PRIVATE KEY}), the forms kubeconfigs and kubeadm write.
     */
    static PrivateKey privateKey(byte[] pem, String what) throws GeneralSecurityException {
        var matcher = PRIVATE_KEY.matcher(new String(pem, StandardCharsets.US_ASCII));
        if (!matcher.find()) {
            throw new GeneralSecurityException(what + " is not an unencrypted PEM private key");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(matcher.group(2));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException(what + " is not valid base64");
        }
        var kind = matcher.group(1) == null ? "" : matcher.group(1).trim();
        try {
            return switch (kind) {
                case "RSA" -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8(
                        sequence(RSA_ENCRYPTION, new byte[]{0x05, 0x00}), der)));
                case "EC" -> KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8(
                        sequence(EC_PUBLIC_KEY, sec1Curve(der)), der)));
                case "" -> pkcs8Key(der);
                default -> throw new GeneralSecurityException(what + ": unsupported key type");
            };
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new GeneralSecurityException(what + " is not a readable " + (kind.isEmpty() ? "PKCS#8" : kind)
                    + " private key (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static PrivateKey pkcs8Key(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (var algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    /** PrivateKeyInfo (RFC 5208): version 0, the algorithm, the key as an OCTET STRING. */
    private static byte[] pkcs8(byte[] algorithm, byte[] key) {
        return der(0x30, concat(new byte[]{0x02, 0x01, 0x00}, algorithm, der(0x04, key)));
    }

    private static byte[] sequence(byte[]... parts) {
        return der(0x30, concat(parts));
    }

    /** The named curve of a SEC 1 ECPrivateKey (RFC 5915): the OID in its {@code [0] parameters}. */
    private static byte[] sec1Curve(byte[] der) throws GeneralSecurityException {
        int[] position = {0};
        var outer = readTag(der, position, 0x30);
        int end = position[0] + outer;
        while (position[0] < end) {
            int tag = der[position[0]] & 0xff;
            position[0]++;
            int length = readLength(der, position);
            if (tag == 0xa0) {
                var oid = java.util.Arrays.copyOfRange(der, position[0], position[0] + length);
                if (oid.length < 2 || oid[0] != 0x06) {
                    break;
                }
                return oid;
            }
            position[0] += length;
        }
        throw new GeneralSecurityException("EC key without a named curve");
    }

    private static int readTag(byte[] der, int[] position, int expected) throws GeneralSecurityException {
        if (position[0] >= der.length || (der[position[0]] & 0xff) != expected) {
            throw new GeneralSecurityException("unexpected DER structure");
        }
        position[0]++;
        return readLength(der, position);
    }

    private static int readLength(byte[] der, int[] position) throws GeneralSecurityException {
        if (position[0] >= der.length) {
            throw new GeneralSecurityException("truncated DER");
        }
        int first = der[position[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int bytes = first & 0x7f;
        if (bytes > 3 || position[0] + bytes > der.length) {
            throw new GeneralSecurityException("unsupported DER length");
        }
        int length = 0;
        for (int i = 0; i < bytes; i++) {
            length = (length << 8) | (der[position[0]++] & 0xff);
        }
        return length;
    }

    private static byte[] der(int tag, byte[] content) {
        var out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write((length >> 8) & 0xff);
            out.write(length & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (var part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
