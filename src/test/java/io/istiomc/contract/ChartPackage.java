package io.istiomc.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** The text files of a packaged Helm chart (a gzipped ustar archive) on the test class path, by path. */
final class ChartPackage {
    private static final int BLOCK = 512;

    private ChartPackage() {
    }

    static Map<String, String> files(String resource) throws IOException {
        var files = new LinkedHashMap<String, String>();
        try (InputStream raw = ChartPackage.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IOException("no chart package " + resource + " on the class path");
            }
            var in = new GZIPInputStream(raw);
            var header = new byte[BLOCK];
            while (in.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
                var name = field(header, 0, 100);
                var prefix = field(header, 345, 155);
                var size = Long.parseLong(field(header, 124, 12).trim(), 8);
                var content = in.readNBytes((int) size);
                in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
                if (header[156] == '0' || header[156] == 0) {
                    files.put(prefix.isEmpty() ? name : prefix + "/" + name, new String(content, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    private static String field(byte[] header, int offset, int length) {
        var out = new ByteArrayOutputStream();
        for (int i = offset; i < offset + length && header[i] != 0; i++) {
            out.write(header[i]);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
