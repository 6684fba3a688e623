package io.istiomc.config;

import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The values a stack file's YAML nodes have once Pulumi has read them: Pulumi's loader
 * ({@code sdk/go/common/workspace/loaders.go}) decodes the file with Go's {@code gopkg.in/yaml.v3} into
 * untyped values, writes them back as YAML and decodes that into its config values
 * ({@code sdk/go/common/resource/config/object.go}). So a plain scalar resolves as yaml.v3's
 * {@code resolve.go} resolves it, not as YAML 1.2's core schema:
 * <ul>
 *   <li>integers as Go's {@code strconv.ParseInt(s, 0, 64)} reads them after removing every {@code _}:
 *       a leading {@code 0} is octal ({@code 015444} is 6948), {@code 0x}, {@code 0o}, {@code 0b} prefixes,
 *       a sign; too large for int64, a uint64; a zero-padded number that is not octal ({@code 09}) a float;</li>
 *   <li>floats of the YAML form, {@code .5}, {@code 1e3}; a float with no fraction becomes the integer
 *       Pulumi passes (its JSON has no {@code .0}); {@code .nan} and {@code .inf} are refused, since
 *       Pulumi cannot write them as JSON and refuses the file;</li>
 *   <li>{@code true}/{@code True}/{@code TRUE} and the same for false, {@code null}/{@code Null}/{@code NULL}/{@code ~}/
 *       empty; {@code yes}, {@code no}, {@code on}, {@code off} stay strings;</li>
 *   <li>an unquoted timestamp ({@code 2024-01-02}, {@code 2024-01-02T10:00:00Z}) becomes Go's
 *       {@code time.Time.String()} text, {@code 2024-01-02 00:00:00 +0000 UTC}, which is what the program
 *       receives; one with a UTC offset is refused, because Go names its zone after the local time zone
 *       of the machine that runs {@code pulumi}, so the text cannot be known here;</li>
 *   <li>explicit tags: {@code !!str}, {@code !!int}, {@code !!float}, {@code !!bool}, {@code !!null},
 *       {@code !!timestamp} must match the value (yaml.v3 fails "cannot decode !!str `x` as a !!bool",
 *       and Pulumi with it), {@code !!float} turns an integer into a float, {@code !!binary} is decoded
 *       from base64; any other tag, local ({@code !ctx c2}) or not, leaves the text as it is, as
 *       yaml.v3 does for tags it cannot resolve.</li>
 * </ul>
 * Duplicate keys are refused as yaml.v3 refuses them (the same text twice in one map). Merge keys
 * ({@code <<: *defaults}) are expanded as yaml.v3 expands them: the map's own keys win, then the first
 * merged map that sets a key.
 */
public final class PulumiYaml {
    private static final Pattern YAML_STYLE_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");
    /**
     * yaml.v3's {@code allowedTimestampFormats}: {@code 2006-1-2T15:4:5.999999999Z07:00} (also with
     * {@code t}), {@code 2006-1-2 15:4:5.999999999} and {@code 2006-1-2}.
     */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:(?:([Tt])(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d+))?(Z|[+-]\\d{2}:\\d{2}))"
                    + "|(?: (\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d+))?))?");
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private static final String STR = "tag:yaml.org,2002:str";
    private static final String INT = "tag:yaml.org,2002:int";
    private static final String FLOAT = "tag:yaml.org,2002:float";
    private static final String BOOL = "tag:yaml.org,2002:bool";
    private static final String NULL = "tag:yaml.org,2002:null";
    private static final String TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp";
    private static final String BINARY = Tag.BINARY.getValue();

    private final String source;
    private final boolean quoteKeys;
    private final int[] budget;

    private PulumiYaml(String source, boolean quoteKeys, int[] budget) {
        this.source = source;
        this.quoteKeys = quoteKeys;
        this.budget = budget;
    }

    /**
     * The value of a composed document, as Pulumi's loader has it.
     *
     * @param budget the most values to build; it ends negative when the document (aliases expanded) holds more
     * @throws YamlInput.RejectedInputException naming the line of what yaml.v3 or Pulumi refuses
     */
    static Object value(Node root, String source, boolean quoteKeys, int[] budget) throws YamlInput.RejectedInputException {
        return new PulumiYaml(source, quoteKeys, budget).value(root);
    }

    private Object value(Node node) throws YamlInput.RejectedInputException {
        if (--budget[0] < 0) {
            return null;
        }
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar);
        }
        if (node instanceof SequenceNode sequence) {
            var list = new ArrayList<>(sequence.getValue().size());
            for (var item : sequence.getValue()) {
                list.add(value(item));
                if (budget[0] < 0) {
                    break;
                }
            }
            return list;
        }
        var mapping = (MappingNode) node;
        var map = new LinkedHashMap<String, Object>();
        var seen = new HashMap<String, Node>();
        var merges = new ArrayList<Node>();
        for (NodeTuple entry : mapping.getValue()) {
            var keyNode = entry.getKeyNode();
            // yaml.v3 compares keys by their text: 'a' and "a" are the same key, 015 and 13 are not.
            if (keyNode instanceof ScalarNode k && seen.putIfAbsent(k.getValue(), k) != null) {
                var key = quoteKeys ? " '" + Printable.escape(k.getValue()) + "'" : "";
                throw new YamlInput.RejectedInputException(source + at(keyNode) + ": the key" + key
                        + " appears twice in one map; Pulumi's YAML reader (Go's yaml.v3) rejects duplicate keys");
            }
            if (isMerge(keyNode)) {
                merges.add(entry.getValueNode());
                continue;
            }
            var key = keyText(keyNode);
            map.put(key, value(entry.getValueNode()));
            if (budget[0] < 0) {
                break;
            }
        }
        for (var merge : merges) {
            merge(merge, map);
        }
        return map;
    }

    /** A plain {@code <<} key (yaml.v3's {@code isMerge}): its map, or each map of its list, fills in the keys not set. */
    private static boolean isMerge(Node key) {
        return key instanceof ScalarNode k && k.getValue().equals("<<") && k.getScalarStyle() == ScalarStyle.PLAIN
                && (k.isResolved() || k.getTag().getValue().equals("tag:yaml.org,2002:merge"));
    }

    /**
     * As yaml.v3's {@code merge}: the map's own keys win, and among several merged maps the first that
     * sets a key.
     */
    private void merge(Node merge, Map<String, Object> into) throws YamlInput.RejectedInputException {
        var maps = merge instanceof SequenceNode list ? list.getValue() : List.of(merge);
        for (var item : maps) {
            if (!(item instanceof MappingNode)) {
                throw new YamlInput.RejectedInputException(source + at(item) + ": a merge key (<<) takes a map or a list of"
                        + " maps; Pulumi refuses the file");
            }
            var merged = (Map<?, ?>) value(item);
            if (merged == null) {
                return;
            }
            for (var entry : merged.entrySet()) {
                // A key set to null in the map itself is set: the merged value does not replace it.
                if (!into.containsKey(String.valueOf(entry.getKey()))) {
                    into.put(String.valueOf(entry.getKey()), entry.getValue());
                }
            }
        }
    }

    /** A key as Pulumi's loader turns it into a string ({@code fmt.Sprintf("%v", key)} for non-string keys). */
    private String keyText(Node keyNode) throws YamlInput.RejectedInputException {
        if (!(keyNode instanceof ScalarNode scalar)) {
            throw new YamlInput.RejectedInputException(source + at(keyNode) + ": a map or list is used as a key");
        }
        var key = scalar(scalar);
        if (key == null) {
            return "<nil>";
        }
        return key instanceof String s ? s : jsonText(key);
    }

    private Object scalar(ScalarNode node) throws YamlInput.RejectedInputException {
        var text = node.getValue();
        if (node.isResolved()) {
            // No tag (or '!'): a quoted or block scalar is a string, a plain one is resolved.
            return node.getScalarStyle() == ScalarStyle.PLAIN ? resolved(node, text, "") : text;
        }
        var tag = node.getTag().getValue();
        if (tag.equals(BINARY)) {
            try {
                // Go's base64.StdEncoding skips line breaks, nothing else.
                var bytes = Base64.getDecoder().decode(text.replace("\r", "").replace("\n", ""));
                return new String(bytes, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new YamlInput.RejectedInputException(source + at(node) + ": a !!binary value is not valid base64");
            }
        }
        if (!List.of(STR, INT, FLOAT, BOOL, NULL, TIMESTAMP_TAG).contains(tag)) {
            // yaml.v3 leaves a tag it cannot resolve (a local tag like !ctx, or !!foo) on the text as it is.
            return text;
        }
        if (tag.equals(STR)) {
            return text;
        }
        var value = resolve(node, text, tag);
        var kind = kind(value);
        if (kind.equals(tag) || (tag.equals(FLOAT) && kind.equals(INT))) {
            return passed(value);
        }
        throw new YamlInput.RejectedInputException(source + at(node) + ": the value is tagged !!" + shortTag(tag)
                + " but reads as !!" + shortTag(kind) + "; Pulumi refuses such a file (\"cannot decode\")");
    }

    private static String shortTag(String tag) {
        return tag.substring(tag.lastIndexOf(':') + 1);
    }

    private static String kind(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof Boolean) {
            return BOOL;
        }
        if (value instanceof Long || value instanceof BigInteger) {
            return INT;
        }
        if (value instanceof Double) {
            return FLOAT;
        }
        return value instanceof Timestamp ? TIMESTAMP_TAG : STR;
    }

    /** A timestamp, kept as the text Go's {@code time.Time.String()} gives it. */
    private record Timestamp(String text) {
    }

    private Object resolved(ScalarNode node, String in, String tag) throws YamlInput.RejectedInputException {
        return passed(resolve(node, in, tag));
    }

    /** A resolved value as the program receives it: a timestamp as its text, a float as {@link #number}. */
    private static Object passed(Object value) {
        if (value instanceof Timestamp t) {
            return t.text();
        }
        return value instanceof Double d ? number(d) : value;
    }

    /**
     * yaml.v3's {@code resolve(tag, in)} for an untagged plain scalar ({@code tag} empty) or a
     * resolvable tag: floats stay {@link Double} and timestamps {@link Timestamp}, so that a tag can be
     * checked against what the text reads as.
     */
    private Object resolve(ScalarNode node, String in, String tag) throws YamlInput.RejectedInputException {
        switch (in) {
            case "", "~", "null", "Null", "NULL" -> {
                return null;
            }
            case "true", "True", "TRUE" -> {
                return true;
            }
            case "false", "False", "FALSE" -> {
                return false;
            }
            case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF" ->
                    throw new YamlInput.RejectedInputException(source + at(node) + ": '" + in + "' is not a number JSON can"
                            + " hold, and Pulumi refuses the file; quote it if it is meant as text");
            default -> {
            }
        }
        char hint = in.charAt(0);
        if (hint == '.') {
            return DOT_FLOAT.matcher(in).matches() ? (Object) Double.parseDouble(in) : in;
        }
        if (!(hint == '+' || hint == '-' || (hint >= '0' && hint <= '9'))) {
            return in;
        }
        if (tag.isEmpty() || tag.equals(TIMESTAMP_TAG)) {
            var timestamp = timestamp(node, in);
            if (timestamp.isPresent()) {
                return new Timestamp(timestamp.get());
            }
        }
        var plain = in.replace("_", "");
        var integer = goParseInt(plain);
        if (integer.isPresent()) {
            return integer.get();
        }
        if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
            double parsed = Double.parseDouble(plain);
            // Go's ParseFloat fails on a value out of range; yaml.v3 then keeps the text.
            if (!Double.isInfinite(parsed)) {
                return parsed;
            }
        }
        return in;
    }

    /**
     * Go's {@code strconv.ParseInt(s, 0, 64)}, then {@code ParseUint(s, 0, 64)}: an optional sign, a base
     * prefix ({@code 0x}, {@code 0o}, {@code 0b}, or a bare leading {@code 0} for octal), then digits.
     */
    static Optional<Object> goParseInt(String s) {
        int i = 0;
        boolean negative = false;
        boolean signed = false;
        if (s.startsWith("+") || s.startsWith("-")) {
            negative = s.charAt(0) == '-';
            signed = true;
            i = 1;
        }
        var rest = s.substring(i);
        int radix = 10;
        var lower = rest.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("0x")) {
            radix = 16;
            rest = rest.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            rest = rest.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            rest = rest.substring(2);
        } else if (rest.length() > 1 && rest.charAt(0) == '0') {
            radix = 8;
            rest = rest.substring(1);
        }
        if (rest.isEmpty() || !rest.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
            return Optional.empty();
        }
        BigInteger value;
        try {
            value = new BigInteger(rest, radix);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (negative) {
            value = value.negate();
        }
        if (value.compareTo(INT64_MIN) >= 0 && value.compareTo(INT64_MAX) <= 0) {
            return Optional.of(value.longValueExact());
        }
        // ParseUint takes no sign.
        if (!signed && value.compareTo(UINT64_MAX) <= 0) {
            return Optional.of(value);
        }
        return Optional.empty();
    }

    /**
     * A float as Pulumi passes it on: Go's JSON writes one with no fraction (below 1e21) as plain
     * digits, so such a value reaches the program as the integer; others stay floats.
     */
    private static Object number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e21) {
            var integer = new BigDecimal(value).toBigIntegerExact();
            return integer.bitLength() < 64 ? (Object) integer.longValueExact() : integer;
        }
        return value;
    }

    /**
     * The text Go's {@code time.Time.String()} gives an unquoted timestamp after Pulumi's loader has
     * decoded it, written it back (RFC 3339) and decoded it again; empty when the scalar is no timestamp.
     */
    private Optional<String> timestamp(ScalarNode node, String in) throws YamlInput.RejectedInputException {
        var m = TIMESTAMP.matcher(in);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        boolean withT = m.group(4) != null;
        String hourText = withT ? m.group(5) : m.group(10);
        int hour = hourText == null ? 0 : Integer.parseInt(hourText);
        int minute = hourText == null ? 0 : Integer.parseInt(withT ? m.group(6) : m.group(11));
        int second = hourText == null ? 0 : Integer.parseInt(withT ? m.group(7) : m.group(12));
        String fraction = withT ? m.group(8) : m.group(13);
        String zone = withT ? m.group(9) : null;
        if (month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()
                || hour > 23 || minute > 59 || second > 59) {
            return Optional.empty();
        }
        if (zone != null && !zone.equals("Z")) {
            throw new YamlInput.RejectedInputException(source + at(node) + ": an unquoted timestamp with a UTC offset"
                    + " reaches the program as text that depends on the time zone of the machine running pulumi; quote it");
        }
        var text = new StringBuilder(String.format("%04d-%02d-%02d %02d:%02d:%02d", year, month, day, hour, minute, second));
        if (fraction != null) {
            // Go keeps nanoseconds and prints them without trailing zeros.
            var nanos = (fraction + "000000000").substring(0, 9).replaceFirst("0+$", "");
            if (!nanos.isEmpty()) {
                text.append('.').append(nanos);
            }
        }
        return Optional.of(text.append(" +0000 UTC").toString());
    }

    /**
     * A scalar value as Go's {@code encoding/json} writes it, which is the text Pulumi passes for a
     * top-level key holding a number or a boolean.
     */
    public static String jsonText(Object value) {
        if (value instanceof Double d) {
            double abs = Math.abs(d);
            if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
                var decimal = new BigDecimal(Double.toString(d)).stripTrailingZeros();
                var unscaled = decimal.unscaledValue().abs().toString();
                int exponent = unscaled.length() - 1 - decimal.scale();
                var mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
                var sign = exponent < 0 ? "-" : "+";
                var digits = String.valueOf(Math.abs(exponent));
                return (d < 0 ? "-" : "") + mantissa + "e" + sign + (exponent >= 0 && digits.length() < 2 ? "0" + digits : digits);
            }
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    private static String at(Node node) {
        return node.getStartMark().map(PulumiYaml::line).orElse("");
    }

    private static String line(Mark mark) {
        return ", line " + (mark.getLine() + 1);
    }
}
