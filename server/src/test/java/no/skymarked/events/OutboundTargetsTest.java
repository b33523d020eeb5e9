package no.skymarked.events;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Webhook targets outside development: public addresses over https only, every resolved address checked. */
class OutboundTargetsTest {
    private final OutboundTargets production = new OutboundTargets(false);

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://127.5.6.7/", "https://localhost:8443/x", "https://[::1]/",
            "https://10.1.2.3/", "https://172.16.0.9/", "https://172.31.255.1/", "https://192.168.1.1/", "https://169.254.169.254/latest/meta-data",
            "https://[fe80::1]/", "https://[fd00::5]/", "https://0.0.0.0/", "https://100.64.0.1/", "https://[::ffff:10.0.0.1]/",
            "https://[::ffff:127.0.0.1]/", "https://224.0.0.1/", "https://[64:ff9b::a00:1]/", "https://198.18.0.1/", "https://240.0.0.1/"})
    void internalAddressesAreRefused(String url) {
        Optional<String> refusal = production.refusal(url);
        assertThat(url, refusal.isPresent(), is(true));
        assertThat(refusal.get(), containsString("webhooks go only to public addresses"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook", "https://[2606:4700:4700::1111]/x", "https://172.32.0.1/", "https://100.128.0.1/"})
    void publicAddressesOverHttpsAreAllowed(String url) {
        assertThat(url, production.refusal(url), is(Optional.empty()));
    }

    @Test
    void aHostWithOnePrivateAddressAmongPublicOnesIsRefused() throws UnknownHostException {
        InetAddress[] mixed = {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.8")};
        OutboundTargets targets = new OutboundTargets(false, host -> mixed);
        assertThat(targets.refusal("https://rebind.example.com/hook").orElseThrow(), containsString("10.0.0.8, a private address"));
        OutboundTargets allPublic = new OutboundTargets(false, host -> new InetAddress[] {mixed[0]});
        assertThat(allPublic.refusal("https://hooks.example.com/hook"), is(Optional.empty()));
    }

    @Test
    void schemeUserInfoAndUnknownHostsAreRefused() {
        OutboundTargets unresolvable = new OutboundTargets(false, host -> {
            throw new UnknownHostException(host);
        });
        assertThat(unresolvable.refusal("https://nowhere.invalid/").orElseThrow(), containsString("does not resolve"));
        assertThat(production.refusal("http://93.184.216.34/").orElseThrow(), containsString("https"));
        assertThat(production.refusal("ftp://93.184.216.34/").orElseThrow(), containsString("http or https"));
        assertThat(production.refusal("https://user:pw@93.184.216.34/").orElseThrow(), containsString("user information"));
        assertThat(production.refusal("/relative").orElseThrow(), containsString("absolute"));
        assertThat(production.refusal("https://exa mple.com/").orElseThrow(), containsString("not a URL"));
    }

    @Test
    void developmentAllowsLoopbackAndHttp() {
        assertThat(new OutboundTargets(true).refusal("http://127.0.0.1:9999/hook"), is(Optional.empty()));
    }
}
