package io.istiomc.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.istiomc.components.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes the plan's Kubernetes objects as files, per cluster: {@code <dir>/<cluster>/NN-kind-namespace-name.yaml}
 * for every object and custom resource (ready for {@code kubectl apply --server-side --dry-run=server -f}),
 * numbered so that namespaces come first; {@code <dir>/<cluster>/helm/<release>.yaml} for every Helm
 * release; and {@code <dir>/<cluster>/patches/kind-namespace-name.yaml} for every patch of an object a
 * release owns. Secret values are replaced by {@link #SECRET_PLACEHOLDER}, keeping the keys of secret maps.
 */
public final class PlanWriter {
    public static final String SECRET_PLACEHOLDER = "[secret: set by pulumi up, not written by the plan]";
    private static final String RELEASE = "kubernetes:helm.sh/v3:Release";
    private static final List<String> KIND_ORDER = List.of("Namespace", "ServiceAccount", "ClusterRole",
            "ClusterRoleBinding", "Role", "RoleBinding", "Secret", "ConfigMap", "Service", "Deployment");

    private PlanWriter() {
    }

    /**
     * Lists, one relative path a line, the files the last plan wrote into a directory, so that the next
     * plan removes exactly those (and nothing else a user keeps there) before writing its own.
     */
    public static final String MARKER = ".istio-multicluster-plan";
    /** The largest marker read: a plan of the largest mesh the program accepts lists far less. */
    private static final int MAX_MARKER_BYTES = 16 * 1024 * 1024;

    /** The plan refuses to write into a directory as it is; the message names the file and what to do. */
    public static final class RefusedException extends IOException {
        RefusedException(String message) {
            super(message);
        }
    }

    /**
     * Writes the files and returns how many. The files an earlier plan wrote into {@code dir} (listed
     * in its {@link #MARKER}) are removed first, so the directory holds this plan only; other files stay.
     *
     * <p>Everything happens below the real directory {@code dir} names (which may itself be a link the
     * user chose): no path is followed through a symbolic link, in any of its components; no file
     * the earlier plan did not write is overwritten; nothing but regular files and directories is
     * opened, so a FIFO never blocks the plan. Every file is checked before anything is removed or
     * written, and a refusal ({@link RefusedException}) names the file.
     */
    public static int write(Plan plan, Path dir) throws IOException {
        var documents = documents(plan);
        Files.createDirectories(dir);
        var root = dir.toRealPath();
        var earlier = earlierPlan(root, dir);
        for (var file : documents.keySet()) {
            checkWritable(root, dir, Path.of(file), earlier);
        }
        removeEarlierPlan(root, earlier);
        // The marker first: a write that fails halfway still lets the next plan remove what this one wrote.
        writeNew(root, Path.of(MARKER), (String.join("\n", documents.keySet()) + "\n").getBytes(StandardCharsets.UTF_8));
        for (var document : documents.entrySet()) {
            try {
                writeNew(root, Path.of(document.getKey()), Yaml.mapper().writeValueAsBytes(document.getValue()));
            } catch (JsonProcessingException e) {
                throw new IOException("could not write " + dir.resolve(document.getKey()), e);
            }
        }
        return documents.size();
    }

    /** What is at {@code path}, the last component not followed either; null when nothing is. */
    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * The files the earlier plan wrote, as its marker lists them: only relative paths below the root
     * whose every directory is a real directory (no link) and that end at a regular file. A line that
     * names anything else ({@code ../x}, {@code link/x}, a FIFO) names nothing the plan may remove.
     */
    private static Set<Path> earlierPlan(Path root, Path shown) throws IOException {
        var marker = root.resolve(MARKER);
        var attributes = attributes(marker);
        if (attributes == null) {
            return Set.of();
        }
        if (!attributes.isRegularFile()) {
            throw new RefusedException(shown.resolve(MARKER) + " is not a regular file (" + kind(attributes)
                    + "); the plan keeps its list of written files there and reads it only from a regular file:"
                    + " remove it, or choose another --out directory");
        }
        byte[] bytes;
        try (var in = Files.newInputStream(marker, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MAX_MARKER_BYTES + 1);
        }
        if (bytes.length > MAX_MARKER_BYTES) {
            throw new RefusedException(shown.resolve(MARKER) + " is larger than " + MAX_MARKER_BYTES / (1024 * 1024)
                    + " MiB, which no plan writes; remove it, or choose another --out directory");
        }
        var files = new LinkedHashSet<Path>();
        for (var line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            var file = relative(line);
            if (file.isPresent() && realDirectories(root, file.get())) {
                var found = attributes(root.resolve(file.get()));
                if (found != null && found.isRegularFile()) {
                    files.add(file.get());
                }
            }
        }
        return files;
    }

    /** A marker line as a relative path of plain names: no root, no {@code .} or {@code ..}, no empty name. */
    private static Optional<Path> relative(String line) {
        if (line.isEmpty() || line.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        try {
            var path = Path.of(line);
            if (path.isAbsolute() || path.getRoot() != null || !path.toString().equals(line)) {
                return Optional.empty();
            }
            for (var name : path) {
                if (name.toString().isEmpty() || name.toString().equals(".") || name.toString().equals("..")) {
                    return Optional.empty();
                }
            }
            return Optional.of(path);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** The directories that lead from the root to {@code file}, outermost first (none for a file in the root). */
    private static List<Path> directoriesTo(Path root, Path file) {
        var directories = new ArrayList<Path>();
        var current = root;
        for (int i = 0; i < file.getNameCount() - 1; i++) {
            current = current.resolve(file.getName(i));
            directories.add(current);
        }
        return directories;
    }

    /** Whether every directory leading to {@code file} is a directory, not a link. */
    private static boolean realDirectories(Path root, Path file) throws IOException {
        for (var directory : directoriesTo(root, file)) {
            var found = attributes(directory);
            if (found == null || !found.isDirectory()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Refuses, naming the file, where writing {@code file} would go through a link, replace anything
     * but a regular file the earlier plan wrote, or need a directory where something else is.
     */
    private static void checkWritable(Path root, Path shown, Path file, Set<Path> earlier) throws IOException {
        for (var directory : directoriesTo(root, file)) {
            var found = attributes(directory);
            if (found != null && !found.isDirectory() && !(found.isRegularFile() && earlier.contains(root.relativize(directory)))) {
                throw new RefusedException(refusal(shown.resolve(root.relativize(directory)), found,
                        "the plan needs a directory there"));
            }
            if (found == null || !found.isDirectory()) {
                return;
            }
        }
        var found = attributes(root.resolve(file));
        if (found == null || (found.isRegularFile() && earlier.contains(file))) {
            return;
        }
        throw new RefusedException(refusal(shown.resolve(file), found, found.isRegularFile()
                ? "the plan never overwrites a file it did not write (the marker " + MARKER + " of the last plan"
                        + " written here does not list it)"
                : "the plan writes only regular files of its own"));
    }

    private static String refusal(Path shown, BasicFileAttributes found, String why) {
        return "--out: refusing to write " + shown + ": it is " + kind(found) + ", and " + why
                + "; move it away, or choose another --out directory";
    }

    private static String kind(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return "a symbolic link";
        }
        if (attributes.isDirectory()) {
            return "a directory";
        }
        if (attributes.isRegularFile()) {
            return "an existing file";
        }
        return "a FIFO, socket or device";
    }

    private static void removeEarlierPlan(Path root, Set<Path> earlier) throws IOException {
        var parents = new TreeSet<Path>(Comparator.reverseOrder());
        for (var file : earlier) {
            Files.deleteIfExists(root.resolve(file));
            for (var parent = file.getParent(); parent != null; parent = parent.getParent()) {
                parents.add(parent);
            }
        }
        // Directories the earlier plan made, deepest first, where nothing else is left in them.
        for (var parent : parents) {
            var directory = root.resolve(parent);
            var found = attributes(directory);
            if (found != null && found.isDirectory()) {
                try (var entries = Files.list(directory)) {
                    if (entries.findAny().isEmpty()) {
                        Files.delete(directory);
                    }
                }
            }
        }
        Files.deleteIfExists(root.resolve(MARKER));
    }

    /**
     * Writes a new file below the root: each missing directory is created (an existing one was checked
     * to be a real directory), and the file itself only if nothing is at its path, not even a link.
     */
    private static void writeNew(Path root, Path file, byte[] content) throws IOException {
        for (var directory : directoriesTo(root, file)) {
            var found = attributes(directory);
            if (found == null) {
                Files.createDirectory(directory);
            } else if (!found.isDirectory()) {
                throw new RefusedException("--out: " + directory + " is " + kind(found) + " where the plan needs a directory");
            }
        }
        try (var out = Files.newOutputStream(root.resolve(file), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            out.write(content);
        } catch (FileAlreadyExistsException e) {
            throw new RefusedException("--out: " + root.resolve(file) + " appeared while the plan was writing; nothing"
                    + " was written over it");
        }
    }

    /** Every file of the plan, by its path relative to the output directory, in plan order. */
    private static Map<String, Object> documents(Plan plan) {
        var documents = new LinkedHashMap<String, Object>();
        for (var resource : plan.resources()) {
            if (!resource.isKubernetes() || !resource.custom()) {
                continue;
            }
            var cluster = plan.clusterOf(resource).orElseThrow(() -> new IllegalStateException(
                    resource.urn() + " is a Kubernetes object on no cluster's provider"));
            String file;
            Object document;
            if (resource.type().equals(RELEASE)) {
                file = cluster + "/helm/" + resource.input("name").orElseThrow() + ".yaml";
                document = release(resource);
            } else {
                var object = object(resource);
                // A patch of an object another owner creates (the istiod chart's ConfigMap): apply it
                // after the Helm releases, never on its own.
                file = resource.type().endsWith("Patch") ? cluster + "/patches/" + fileName(object).substring(3)
                        : cluster + "/" + fileName(object);
                document = object;
            }
            // Names are DNS-1123 (validated with the config), so this never fires; it keeps a future
            // name from ever writing outside the directory.
            if (relative(file).isEmpty() || documents.put(file, document) != null) {
                throw new IllegalStateException("the plan would write '" + file + "', which is not one new file below --out");
            }
        }
        return documents;
    }

    /** The object as {@code kubectl apply} takes it: the resource's inputs, secrets replaced. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(RecordedResource resource) {
        var object = new LinkedHashMap<String, Object>((Map<String, Object>) placeholders(resource.inputs()));
        var token = resource.type().substring("kubernetes:".length());
        var apiVersion = token.substring(0, token.lastIndexOf(':')).replaceFirst("^core/", "");
        var kind = token.substring(token.lastIndexOf(':') + 1).replaceFirst("Patch$", "");
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        var ordered = new LinkedHashMap<String, Object>();
        ordered.put("apiVersion", apiVersion);
        ordered.put("kind", kind);
        ordered.put("metadata", object.remove("metadata"));
        object.remove("apiVersion");
        object.remove("kind");
        ordered.putAll(new TreeMap<>(object));
        return ordered;
    }

    private static Map<String, Object> release(RecordedResource resource) {
        var release = new LinkedHashMap<String, Object>();
        release.put("name", resource.input("name").orElseThrow());
        release.put("namespace", resource.input("namespace").orElseThrow());
        release.put("chart", resource.input("chart").orElseThrow());
        release.put("version", resource.input("version").orElseThrow());
        // An OCI chart carries its registry in the chart reference and has no repository.
        release.put("repository", resource.input("repositoryOpts.repo").orElse(null));
        release.put("skipAwait", resource.input("skipAwait").orElse(false));
        release.put("maxHistory", resource.input("maxHistory").orElse(null));
        release.put("values", placeholders(resource.input("values").orElse(Map.of())));
        return release;
    }

    @SuppressWarnings("unchecked")
    private static String fileName(Map<String, Object> object) {
        var kind = (String) object.get("kind");
        var metadata = (Map<String, Object>) object.get("metadata");
        var rank = KIND_ORDER.indexOf(kind);
        var namespace = metadata.get("namespace");
        return String.format("%02d-%s-%s%s.yaml", rank < 0 ? KIND_ORDER.size() : rank, kind.toLowerCase(Locale.ROOT),
                namespace == null ? "" : namespace + "-", metadata.get("name"));
    }

    private static Object placeholders(Object value) {
        // Keys stay, so that a Secret's stringData is still a map kubectl accepts.
        return Redaction.redact(value, SECRET_PLACEHOLDER, true);
    }
}
