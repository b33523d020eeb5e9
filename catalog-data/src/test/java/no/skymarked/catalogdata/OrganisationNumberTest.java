package no.skymarked.catalogdata;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganisationNumberTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "123456785, true",   // brreg example: valid by checksum
            "123456789, false",
            "974760673, true",
            "991825827, true",
            "889640782, true",
            "983887457, true",
            "800000130, true",   // remainder 0 gives check digit 0
            "800000050, false",  // remainder 1: no valid check digit exists
            "800000051, false",
            "97476067, false",   // too short
            "9747606733, false", // too long
            "97476067A, false",  // letters
    })
    void checksumFollowsBrreg(String input, boolean valid) {
        assertThat(OrganisationNumber.isValid(input), is(valid));
    }

    @ParameterizedTest
    @CsvSource({"'974 760 673', 974760673", "974760673, 974760673"})
    void parseAcceptsSpacedForm(String input, String expected) {
        assertThat(OrganisationNumber.parse(input).orElseThrow().value(), is(expected));
    }

    @ParameterizedTest
    @CsvSource({"NO974760673MVA", "' 97476067 3x'", "''"})
    void parseRejectsOtherForms(String input) {
        assertThat(OrganisationNumber.parse(input).isPresent(), is(false));
    }
}
