package no.skymarked.auth;

import io.helidon.config.Config;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import no.skymarked.catalogdata.OrganisationNumber;

/**
 * {@code java -jar skymarked-server.jar token --org <orgNo> --scope <scope> [--scope …] [--sub <person>] [--ttl PT1H]}:
 * prints an access token signed with the dev key of the data directory (the one the dev-mode server trusts);
 * {@code --sub} names the person acting (the token's {@code sub}), whom approvals tell apart from the approver.
 */
public final class TokenCommand {
    private TokenCommand() {
    }

    public static int run(String[] args, Config config, PrintStream out, PrintStream err) {
        String org = null;
        String subject = null;
        List<String> scopes = new ArrayList<>();
        Duration ttl = Duration.ofHours(1);
        boolean unchecked = false;
        try {
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--org" -> org = args[++i];
                    case "--scope" -> scopes.addAll(List.of(args[++i].split("[ ,]+")));
                    case "--sub" -> subject = args[++i];
                    case "--ttl" -> ttl = Duration.parse(args[++i]);
                    case "--unchecked" -> unchecked = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException | DateTimeParseException e) {
            return usage(err, e.getMessage());
        }
        if (org == null || scopes.isEmpty()) {
            return usage(err, "--org and --scope are required");
        }
        if (subject != null && subject.isBlank()) {
            return usage(err, "--sub must name a person");
        }
        if (!unchecked && !OrganisationNumber.isValid(org)) {
            return usage(err, "'" + org + "' is not a valid organisation number (use --unchecked to make such a token anyway)");
        }
        for (String scope : scopes) {
            if (Role.ofScope(scope).isEmpty()) {
                err.println("warning: " + scope + " is not a Skymarked scope; known: skymarked:buyer, skymarked:supplier, "
                        + "skymarked:editor, skymarked:auditor");
            }
        }
        AuthSettings settings = AuthSettings.from(config);
        if (!settings.devMode()) {
            err.println("dev mode is off (skymarked.auth.dev.enabled=false): tokens come from Maskinporten");
            return 1;
        }
        Path dataDir = Path.of(config.get("skymarked.data.dir").asString().orElse("./data"));
        DevKeys keys = DevKeys.loadOrCreate(dataDir);
        out.println(new TokenIssuer(keys, settings.issuer(), Clock.systemUTC()).issue(org, subject == null ? null : subject.strip(), scopes, ttl));
        return 0;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("token: " + problem);
        err.println("usage: java -jar server/target/skymarked-server.jar token --org <orgNo> --scope <scope> [--scope <scope>] [--sub <person>]"
                + " [--ttl PT1H]");
        err.println("       scopes: skymarked:buyer skymarked:supplier skymarked:editor skymarked:auditor");
        return 2;
    }
}
