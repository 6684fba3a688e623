package io.istiomc.components;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Which gateway addresses other networks cannot dial: the east-west gateway's address goes into every meshNetworks. */
public final class GatewayAddresses {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern DNS_NAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*", Pattern.CASE_INSENSITIVE);

    private GatewayAddresses() {
    }

    /**
     * Whether {@code value} is an IP address or a DNS name, the two forms a gateway address (an
     * {@code address} of meshNetworks, a remote's {@code remotePilotAddress}) takes.
     */
    public static boolean isAddress(String value) {
        if (IPV4.matcher(value).matches()) {
            return true;
        }
        if (value.contains(":")) {
            return isIpv6Literal(value);
        }
        if (value.matches("[0-9.]+")) {
            return false;
        }
        return DNS_NAME.matcher(value).matches();
    }

    /** An IPv6 literal; parsed without any name lookup, since only hex digits, ':' and '.' get here. */
    private static boolean isIpv6Literal(String value) {
        if (!value.matches("[0-9a-fA-F:.]+") || value.indexOf(':') == value.lastIndexOf(':')) {
            return false;
        }
        try {
            // Java reads an IPv4-mapped address (::ffff:192.0.2.1) as the IPv4 address it maps.
            return InetAddress.getByName(value) != null;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Why no other network can dial {@code address} (an IP literal or a DNS name, already checked to be
     * one), or empty when it may. Names are never looked up.
     */
    public static Optional<String> undialable(String address) {
        var lower = address.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("localhost") || lower.endsWith(".localhost")) {
            return Optional.of("a name of the local host");
        }
        if (!IP_LITERAL.matcher(address).matches()) {
            return Optional.empty();
        }
        InetAddress ip;
        try {
            // Only digits, hex digits, '.' and ':' get here: InetAddress parses a literal without any lookup.
            ip = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        if (ip.isAnyLocalAddress()) {
            return Optional.of("the unspecified address, which means 'every local address'");
        }
        if (ip.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (ip.getAddress().length == 4 && (ip.getAddress()[0] & 0xff) == 255 && (ip.getAddress()[1] & 0xff) == 255
                && (ip.getAddress()[2] & 0xff) == 255 && (ip.getAddress()[3] & 0xff) == 255) {
            return Optional.of("the broadcast address");
        }
        return Optional.empty();
    }
}
