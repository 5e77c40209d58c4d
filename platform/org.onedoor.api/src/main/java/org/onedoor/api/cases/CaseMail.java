package org.onedoor.api.cases;

import java.util.Optional;

/**
 * The mail address of a case as staff, the deciding department and the citizen's look-up see it (R13/R14):
 * the phone and the street detail masked, province, city and district in the clear. Since 1.11.
 *
 * @param recipient     the recipient's name
 * @param phoneMasked   the recipient's phone, masked (e.g. {@code 138****5678})
 * @param province      the province
 * @param city          the city
 * @param district      the district or county
 * @param streetMasked  the street detail, masked
 * @param carrier       the carrier, once the result is mailed
 * @param atAcceptance  true when the address was recorded at acceptance: the case is delivered by mail unless
 *                      the applicant asks otherwise at the issuance window (the 365 holiday service defaults to it, R14)
 */
public record CaseMail(String recipient, String phoneMasked, String province, String city, String district, String streetMasked,
        Optional<MailCarrier> carrier, boolean atAcceptance) {

    public CaseMail {
        carrier = carrier == null ? Optional.empty() : carrier;
    }

    /** @return the masked address on one line, e.g. {@code 河南省驻马店市驿城区文****（张三 138****5678）} */
    public String line() {
        return province + city + district + streetMasked + "（" + recipient + " " + phoneMasked + "）";
    }
}
