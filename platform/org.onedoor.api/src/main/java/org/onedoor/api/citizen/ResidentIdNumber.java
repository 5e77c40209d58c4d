package org.onedoor.api.citizen;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An 18-character PRC resident identity number (GB 11643): 6-digit area code, birth date,
 * sequence, and ISO 7064 MOD 11-2 check character.
 *
 * @param value the number, upper-case {@code X} as check character
 */
public record ResidentIdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

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
        try {
            LocalDate.of(Integer.parseInt(candidate.substring(6, 10)), Integer.parseInt(candidate.substring(10, 12)),
                    Integer.parseInt(candidate.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.of("身份证号码中的出生日期无效");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (candidate.charAt(i) - '0') * WEIGHTS[i];
        }
        if (Character.toUpperCase(candidate.charAt(17)) != CHECK.charAt(sum % 11)) {
            return Optional.of("身份证号码校验位不正确");
        }
        return Optional.empty();
    }

    /** @return the birth date the number carries */
    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
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
