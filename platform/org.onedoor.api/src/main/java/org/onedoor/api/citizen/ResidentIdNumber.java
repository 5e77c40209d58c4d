package org.onedoor.api.citizen;

import java.time.LocalDate;
import java.util.Optional;

/**
 * An 18-character PRC resident identity number (GB 11643): 6-digit area code, birth date,
 * sequence, and ISO 7064 MOD 11-2 check character.
 *
 * @param value the number, upper-case {@code X} as check character
 */
public record ResidentIdNumber(String value) {

    public ResidentIdNumber {
        Optional<String> problem = problem(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        value = value.toUpperCase();
    }

    /**
     * @param candidate a string that may be an identity number
     * @return why it is not a valid number, or empty when it is
     */
    public static Optional<String> problem(String candidate) {
        if (candidate == null || !candidate.matches("\\d{17}[\\dXx]")) {
            return Optional.of("身份证号码应为18位，前17位为数字，末位为数字或X");
        }
        if (!Gb11643.hasBirthDate(candidate)) {
            return Optional.of("身份证号码中的出生日期无效");
        }
        if (!Gb11643.checks(candidate)) {
            return Optional.of("身份证号码校验位不正确");
        }
        return Optional.empty();
    }

    /** @return the birth date the number carries */
    public LocalDate birthDate() {
        return Gb11643.birthDate(value);
    }

    /** @return the number with all but the first 3 and last 4 characters hidden, for pages and logs */
    public String masked() {
        return value.substring(0, 3) + "*".repeat(11) + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }
}
