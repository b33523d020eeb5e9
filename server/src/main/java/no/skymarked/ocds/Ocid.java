package no.skymarked.ocds;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Open Contracting IDs: the publisher's prefix ({@code ocds-} and six letters or digits, registered with the Open
 * Contracting Partnership) and one contracting process: a framework agreement or a call-off under one.
 */
public record Ocid(String prefix) {
    /** The prefix pattern the OCDS data review tool checks. */
    public static final Pattern PREFIX = Pattern.compile("^ocds-[a-z0-9]{6}$");
    static final String FRAMEWORK = "-framework-";
    static final String CALL_OFF = "-call-off-";

    public Ocid {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("the OCDS prefix must be 'ocds-' and six lower-case letters or digits, not '" + prefix + "'");
        }
    }

    /** What an ocid names. */
    public enum Kind { FRAMEWORK, CALL_OFF }

    /** The process an ocid names: a framework or a call-off, by its id. */
    public record Process(Kind kind, String id) {
    }

    public String framework(String frameworkId) {
        return prefix + FRAMEWORK + frameworkId;
    }

    public String callOff(String callOffId) {
        return prefix + CALL_OFF + callOffId;
    }

    /** The process of one of this publisher's ocids; empty for any other text. */
    public Optional<Process> parse(String ocid) {
        if (ocid == null) {
            return Optional.empty();
        }
        if (ocid.startsWith(prefix + FRAMEWORK) && ocid.length() > (prefix + FRAMEWORK).length()) {
            return Optional.of(new Process(Kind.FRAMEWORK, ocid.substring((prefix + FRAMEWORK).length())));
        }
        if (ocid.startsWith(prefix + CALL_OFF) && ocid.length() > (prefix + CALL_OFF).length()) {
            return Optional.of(new Process(Kind.CALL_OFF, ocid.substring((prefix + CALL_OFF).length())));
        }
        return Optional.empty();
    }
}
