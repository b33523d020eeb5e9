package no.skymarked.events;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the server may send webhooks (SSRF protection): an absolute http(s) URL without user information whose host
 * resolves only to public addresses. Every address the host resolves to is checked, so a name with one private address
 * among public ones is refused. Outside development, loopback, private (RFC 1918, IPv6 unique local), link-local
 * (cloud metadata at 169.254.169.254), carrier-grade NAT, unspecified, multicast and reserved ranges are refused, and the
 * scheme must be https. Deliveries check again before each request, and never follow redirects.
 */
public final class OutboundTargets {
    /** Resolves a host name to all its addresses (tests give their own). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean privateAllowed;
    private final Resolver resolver;

    public OutboundTargets(boolean privateAllowed) {
        this(privateAllowed, InetAddress::getAllByName);
    }

    public OutboundTargets(boolean privateAllowed, Resolver resolver) {
        this.privateAllowed = privateAllowed;
        this.resolver = resolver;
    }

    public boolean privateAllowed() {
        return privateAllowed;
    }

    /** Why {@code url} is refused as a webhook target; empty when it may be used. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return Optional.of("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.isOpaque()) {
            return Optional.of("must be an absolute http or https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain user information");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not contain a fragment");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("the host '" + host + "' does not resolve");
        }
        if (privateAllowed) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            String range = internal(address);
            if (range != null) {
                return Optional.of("the host '" + host + "' resolves to " + address.getHostAddress() + ", a " + range
                        + " address; webhooks go only to public addresses");
            }
        }
        if (!scheme.equals("https")) {
            return Optional.of("must use https");
        }
        return Optional.empty();
    }

    /** The kind of non-public range {@code a} is in, or null for a public address. */
    static String internal(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local";
        }
        if (a.isSiteLocalAddress()) {
            return "private";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || first >= 240) {
                return "reserved";
            }
            if (first == 100 && (second & 0xc0) == 64) {
                return "carrier-grade NAT";
            }
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0 || first == 198 && (second & 0xfe) == 18) {
                return "reserved";
            }
            return null;
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "private";  // unique local fc00::/7
            }
            boolean mappedOrCompatible = true;
            for (int i = 0; i < 10; i++) {
                mappedOrCompatible &= b[i] == 0;
            }
            if (mappedOrCompatible && (b[10] == 0 && b[11] == 0 || b[10] == (byte) 0xff && b[11] == (byte) 0xff)) {
                try {
                    return internal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));  // ::a.b.c.d, ::ffff:a.b.c.d
                } catch (UnknownHostException e) {
                    return "reserved";
                }
            }
            if ((b[0] & 0xff) == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                try {
                    return internal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));  // NAT64 64:ff9b::/96
                } catch (UnknownHostException e) {
                    return "reserved";
                }
            }
        }
        return null;
    }
}
