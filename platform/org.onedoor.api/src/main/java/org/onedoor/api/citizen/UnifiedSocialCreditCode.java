package org.onedoor.api.citizen;

import java.util.Optional;

/**
 * The 18-character unified social credit code of a legal person or other organization
 * (统一社会信用代码, GB 32100-2015): registration authority (1), organization category (1),
 * administrative division of the registering office (6, GB/T 2260), subject identifier (9) and a
 * check character over the first 17 (weights 3<sup>i</sup> mod 31, character set
 * {@code 0-9 A-H J-N P-R T U W-Y}, without I, O, S, V, Z).
 *
 * <p>Only the check character is verified, not the subject identifier's own GB 11714 check: codes
 * issued in pilot regions before the standard break that one and are still valid.
 *
 * @param value the code, upper case
 */
public record UnifiedSocialCreditCode(String value) {

    private static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public UnifiedSocialCreditCode {
        Optional<String> problem = problem(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        value = value.toUpperCase();
    }

    /**
     * @param candidate a string that may be a unified social credit code
     * @return why it is not a valid code (Chinese, with English beside), or empty when it is
     */
    public static Optional<String> problem(String candidate) {
        if (candidate == null || candidate.length() != 18) {
            return Optional.of("统一社会信用代码应为18位（a unified social credit code has 18 characters）");
        }
        String code = candidate.toUpperCase();
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 18; i++) {
            int v = CHARACTERS.indexOf(code.charAt(i));
            if (v < 0) {
                return Optional.of("统一社会信用代码第" + (i + 1) + "位字符“" + candidate.charAt(i)
                        + "”无效，只能是数字或除 I、O、S、V、Z 以外的大写字母（character " + (i + 1) + " is not allowed）");
            }
            if (i < 17) {
                sum += v * weight;
                weight = weight * 3 % 31;
            }
        }
        if (!code.substring(2, 8).chars().allMatch(Character::isDigit)) {
            return Optional.of("统一社会信用代码第3至8位应为行政区划代码（characters 3 to 8 are the division code, digits）");
        }
        if (CHARACTERS.charAt((31 - sum % 31) % 31) != code.charAt(17)) {
            return Optional.of("统一社会信用代码校验位不正确（the check character does not match）");
        }
        return Optional.empty();
    }

    /** @return the division code of the registering office, e.g. {@code 411700} for Zhumadian */
    public String divisionCode() {
        return value.substring(2, 8);
    }

    /** @return the code with its subject identifier hidden but the last two characters, for logs and staff lists */
    public String masked() {
        return value.substring(0, 8) + "*".repeat(8) + value.substring(16);
    }

    @Override
    public String toString() {
        return masked();
    }
}
