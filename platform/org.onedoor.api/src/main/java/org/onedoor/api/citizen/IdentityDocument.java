package org.onedoor.api.citizen;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.onedoor.api.text.Bilingual;

/**
 * The identity document a natural person shows at a window: its kind, its number and, for
 * foreigners, the nationality (ISO 3166-1 alpha-3, as in the passport's machine-readable zone).
 * The number's format is checked per kind; GB 11643 numbers (resident identity cards, residence
 * permits of Hong Kong, Macao and Taiwan residents, foreigners' permanent residence cards of
 * 2023) also by their check character and birth date.
 *
 * @param kind the document
 * @param number the number, upper case
 * @param nationality the holder's nationality for a passport or a foreigner's permanent residence
 *        card, otherwise empty
 */
public record IdentityDocument(Kind kind, String number, String nationality) {

    /** The identity documents a window takes. */
    public enum Kind implements Bilingual {
        /** 居民身份证: GB 11643, 18 characters. */
        RESIDENT_ID("居民身份证", "resident identity card"),
        /** 护照: a passport of any country (a Chinese one: E, G, D, S or P and 7 or 8 characters). */
        PASSPORT("护照", "passport"),
        /** 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) and 8 digits, or 10 in the old booklet. */
        HK_MACAO_TRAVEL_PERMIT("港澳居民来往内地通行证", "mainland travel permit for Hong Kong and Macao residents"),
        /** 台湾居民来往大陆通行证: 8 digits, or 10 in the old booklet. */
        TAIWAN_TRAVEL_PERMIT("台湾居民来往大陆通行证", "mainland travel permit for Taiwan residents"),
        /** 港澳台居民居住证: GB 11643 number with division code 810000, 820000 or 830000. */
        HMT_RESIDENCE_PERMIT("港澳台居民居住证", "residence permit for Hong Kong, Macao and Taiwan residents"),
        /** 外国人永久居留身份证: 18 characters beginning with 9 (2023), or 3 letters and 12 digits (2004). */
        FOREIGN_PERMANENT_RESIDENCE("外国人永久居留身份证", "foreign permanent resident ID card");

        private final String chinese;
        private final String english;

        Kind(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }

        /** @return the document's name in Chinese */
        @Override
        public String chinese() {
            return chinese;
        }

        /** @return the document's name in English */
        @Override
        public String english() {
            return english;
        }

        /** @return whether the holder's nationality is recorded with the number */
        public boolean takesNationality() {
            return this == PASSPORT || this == FOREIGN_PERMANENT_RESIDENCE;
        }
    }

    private static final Pattern PASSPORT_NUMBER = Pattern.compile("[A-Z0-9]{5,20}");
    private static final Pattern CHINESE_PASSPORT = Pattern.compile("[EGDSP][0-9A-Z]?\\d{7}");
    private static final Pattern HK_MACAO = Pattern.compile("[HM](\\d{8}|\\d{10})");
    private static final Pattern TAIWAN = Pattern.compile("\\d{8}|\\d{10}");
    private static final Pattern GB11643 = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern OLD_PERMANENT_RESIDENCE = Pattern.compile("[A-Z]{3}\\d{12}");
    /** ICAO 9303 codes for holders that are not a country of ISO 3166-1. */
    private static final Set<String> ICAO_SPECIAL = Set.of("GBD", "GBN", "GBO", "GBP", "GBS", "UNO", "UNA", "UNK",
            "XXA", "XXB", "XXC", "XXX", "RKS", "EUE");
    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

    public IdentityDocument {
        Optional<String> problem = problem(kind, number, nationality);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        number = number.toUpperCase(Locale.ROOT);
        nationality = nationality.toUpperCase(Locale.ROOT);
    }

    /** @return a resident identity card */
    public static IdentityDocument residentId(String number) {
        return new IdentityDocument(Kind.RESIDENT_ID, number, "");
    }

    /**
     * @return why the number (and nationality) are not valid for the kind of document, in Chinese
     *         with English beside, or empty when they are
     */
    public static Optional<String> problem(Kind kind, String number, String nationality) {
        if (kind == null) {
            return Optional.of("缺少证件类型（the document kind is missing）");
        }
        if (number == null || number.isEmpty()) {
            return Optional.of("缺少" + kind.chinese() + "号码（the " + kind.english() + " number is missing）");
        }
        String n = number.toUpperCase(Locale.ROOT);
        String nat = nationality == null ? "" : nationality.toUpperCase(Locale.ROOT);
        if (kind.takesNationality()) {
            if (!nat.matches("[A-Z]{3}") || !(COUNTRIES.contains(nat) || ICAO_SPECIAL.contains(nat))) {
                return Optional.of("国籍应为 ISO 3166-1 三位字母代码，如 USA、KOR（nationality is an ISO 3166-1 alpha-3 code）");
            }
        } else if (!nat.isEmpty()) {
            return Optional.of(kind.chinese() + "不填写国籍（no nationality is recorded with a " + kind.english() + "）");
        }
        return switch (kind) {
            case RESIDENT_ID -> ResidentIdNumber.problem(n);
            case PASSPORT -> passport(n, nat);
            case HK_MACAO_TRAVEL_PERMIT -> HK_MACAO.matcher(n).matches() ? Optional.empty()
                    : Optional.of("港澳居民来往内地通行证号码应为 H 或 M 加8位（或10位）数字（H or M and 8 or 10 digits）");
            case TAIWAN_TRAVEL_PERMIT -> TAIWAN.matcher(n).matches() ? Optional.empty()
                    : Optional.of("台湾居民来往大陆通行证号码应为8位（或10位）数字（8 or 10 digits）");
            case HMT_RESIDENCE_PERMIT -> residencePermit(n);
            case FOREIGN_PERMANENT_RESIDENCE -> permanentResidence(n);
        };
    }

    private static Optional<String> passport(String n, String nationality) {
        if ("CHN".equals(nationality) && !CHINESE_PASSPORT.matcher(n).matches()) {
            return Optional.of("中国护照号码应为字母 E、G、D、S 或 P 开头，后接7至8位（a Chinese passport number is E, G, D, S or P and 7 or 8 more）");
        }
        if (!PASSPORT_NUMBER.matcher(n).matches() || n.chars().noneMatch(Character::isDigit)) {
            return Optional.of("护照号码应为5至20位字母和数字（a passport number has 5 to 20 letters and digits）");
        }
        return Optional.empty();
    }

    private static Optional<String> residencePermit(String n) {
        if (!GB11643.matcher(n).matches() || !(n.startsWith("810000") || n.startsWith("820000") || n.startsWith("830000"))) {
            return Optional.of("港澳台居民居住证号码应为18位，以810000、820000或830000开头（18 characters beginning 810000, 820000 or 830000）");
        }
        return gb11643("港澳台居民居住证", n);
    }

    private static Optional<String> permanentResidence(String n) {
        if (OLD_PERMANENT_RESIDENCE.matcher(n).matches()) {
            return Optional.empty();
        }
        if (!GB11643.matcher(n).matches() || n.charAt(0) != '9') {
            return Optional.of("外国人永久居留身份证号码应为以9开头的18位，或3位字母加12位数字的旧版号码"
                    + "（18 characters beginning with 9, or 3 letters and 12 digits）");
        }
        return gb11643("外国人永久居留身份证", n);
    }

    private static Optional<String> gb11643(String name, String n) {
        if (!Gb11643.hasBirthDate(n)) {
            return Optional.of(name + "号码中的出生日期无效（the birth date in the number is not a date）");
        }
        if (!Gb11643.checks(n)) {
            return Optional.of(name + "号码校验位不正确（the check character does not match）");
        }
        return Optional.empty();
    }

    /**
     * @return the number with its middle hidden, for pages, logs and staff lists: an 18-character
     *         number keeps its first 3 and last 4 characters, a shorter one its first and last 2
     */
    public String masked() {
        if (number.length() >= 15) {
            return number.substring(0, 3) + "*".repeat(number.length() - 7) + number.substring(number.length() - 4);
        }
        return number.charAt(0) + "*".repeat(number.length() - 3) + number.substring(number.length() - 2);
    }

    @Override
    public String toString() {
        return kind.chinese() + " " + masked() + (nationality.isEmpty() ? "" : " (" + nationality + ")");
    }
}
