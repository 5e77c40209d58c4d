package org.onedoor.api.cases;

import java.time.LocalDate;
import org.onedoor.api.citizen.CitizenDataMasking;

/**
 * Someone acting for the applicant at the window (代办、帮办) under a power of attorney (授权委托书)
 * that is recorded on the case.
 *
 * @param person           the agent, with the identity document shown
 * @param phone            the agent's phone number (digits, {@code +}, {@code -}, 5 to 20 characters)
 * @param powerOfAttorney  the power of attorney's reference or number, 1 to 64 characters
 * @param signedOn         the day the power of attorney was signed
 */
public record Agent(Person person, String phone, String powerOfAttorney, LocalDate signedOn) {

    public Agent {
        if (person == null) {
            throw new IllegalArgumentException("代办人姓名和证件不能为空 / the agent's name and document are required");
        }
        phone = phone == null ? "" : phone.strip();
        if (!phone.matches("\\+?[0-9][0-9 -]{3,18}[0-9]")) {
            throw new IllegalArgumentException("代办人联系电话应为5至20位数字（可含+、-） / the agent's phone has 5 to 20 digits");
        }
        powerOfAttorney = powerOfAttorney == null ? "" : powerOfAttorney.strip();
        if (powerOfAttorney.isEmpty() || powerOfAttorney.length() > 64) {
            throw new IllegalArgumentException("须登记授权委托书编号（最多64个字符） / the power of attorney's number is required, at most 64 characters");
        }
        if (signedOn == null) {
            throw new IllegalArgumentException("须登记授权委托书签署日期 / the power of attorney's date is required");
        }
    }

    /** @return the phone number with its middle hidden */
    public String phoneMasked() {
        String masked = CitizenDataMasking.maskPhone(phone);
        if (!masked.equals(phone)) {
            return masked;
        }
        return phone.length() <= 4 ? "*".repeat(phone.length()) : phone.substring(0, 2) + "*".repeat(phone.length() - 4)
                + phone.substring(phone.length() - 2);
    }
}
