package no.skymarked.catalogdata;

import java.util.Optional;

/**
 * Norwegian organisation number (organisasjonsnummer): nine digits, the ninth a mod-11 check digit over the
 * first eight with weights 3,2,7,6,5,4,3,2 (Brønnøysundregistrene). A remainder of 1 gives no valid check digit.
 */
public record OrganisationNumber(String value) {
    private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

    public OrganisationNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid organisation number: " + value);
        }
    }

    /** Accepts "974760673" and "974 760 673"; anything else that is not nine digits with a correct check digit is empty. */
    public static Optional<OrganisationNumber> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String compact = input.replace(" ", "");
        return isValid(compact) ? Optional.of(new OrganisationNumber(compact)) : Optional.empty();
    }

    public static boolean isValid(String digits) {
        if (digits == null || digits.length() != 9) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            if (i < 8) {
                sum += WEIGHTS[i] * (c - '0');
            }
        }
        int remainder = sum % 11;
        if (remainder == 1) {
            return false;
        }
        int check = remainder == 0 ? 0 : 11 - remainder;
        return check == digits.charAt(8) - '0';
    }

    @Override
    public String toString() {
        return value;
    }
}
