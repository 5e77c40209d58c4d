package org.onedoor.api.cases;

import org.onedoor.api.citizen.CitizenDataMasking;

/**
 * Where a result is mailed (免费邮寄, R13/R14), in full: only the case store keeps it so; staff and
 * citizens see {@link CaseMail}, masked. Since 1.11.
 *
 * @param recipient the recipient's name, 1 to 64 characters
 * @param phone     the recipient's phone, checked as an agent's phone is: 5 to 20 digits (may hold {@code +}, {@code -}, spaces)
 * @param province  the province (省、自治区、直辖市), 1 to 32 characters
 * @param city      the city (市、州、盟), 1 to 32 characters
 * @param district  the district or county (区、县), 1 to 32 characters
 * @param street    the street, house and room (详细地址), 2 to 200 characters
 * @throws CaseException INVALID {@code invalid-mail-address} whose {@link CaseException#field()} names the component at fault
 */
public record MailAddress(String recipient, String phone, String province, String city, String district, String street) {

    /** The phone rule of the code base (see {@link Agent}). */
    public static final String PHONE = "\\+?[0-9][0-9 -]{3,18}[0-9]";

    public MailAddress {
        recipient = text(recipient, "recipient", 1, 64, "收件人姓名", "the recipient's name");
        phone = phone == null ? "" : phone.strip();
        if (!phone.matches(PHONE)) {
            throw invalid("phone", "收件人电话应为5至20位数字（可含+、-） / the recipient's phone has 5 to 20 digits");
        }
        province = text(province, "province", 1, 32, "省份", "the province");
        city = text(city, "city", 1, 32, "城市", "the city");
        district = text(district, "district", 1, 32, "区县", "the district or county");
        street = text(street, "street", 2, 200, "详细地址", "the street address");
    }

    private static String text(String value, String field, int min, int max, String zh, String en) {
        String v = value == null ? "" : value.strip();
        if (v.length() < min || v.length() > max || v.chars().anyMatch(Character::isISOControl)) {
            throw invalid(field, "须填写" + zh + "（" + min + "至" + max + "个字符，不含控制字符） / " + en + " is required, "
                    + min + " to " + max + " characters");
        }
        return v;
    }

    private static CaseException invalid(String field, String message) {
        return new CaseException(CaseException.Reason.INVALID, "invalid-mail-address", message, field);
    }

    /** @return the phone with its middle hidden (e.g. {@code 138****5678}), by the code base's masking rules */
    public String phoneMasked() {
        String masked = CitizenDataMasking.maskPhone(phone);
        if (!masked.equals(phone)) {
            return masked;
        }
        return phone.length() <= 4 ? "*".repeat(phone.length()) : phone.substring(0, 2) + "*".repeat(phone.length() - 4)
                + phone.substring(phone.length() - 2);
    }

    /** @return the street detail masked: its first character kept, the rest hidden (at most 6 stars) */
    public String streetMasked() {
        return street.charAt(0) + "*".repeat(Math.min(6, street.length() - 1));
    }

    /**
     * @param carrier         the carrier, if known yet
     * @param atAcceptance    true when recorded at acceptance (the case is to be mailed by default)
     * @return the address as staff and citizens see it
     */
    public CaseMail masked(java.util.Optional<MailCarrier> carrier, boolean atAcceptance) {
        return new CaseMail(recipient, phoneMasked(), province, city, district, streetMasked(), carrier, atAcceptance);
    }
}
