package org.onedoor.api.citizen;

import java.time.DateTimeException;
import java.time.LocalDate;

/** The ISO 7064 MOD 11-2 check character of GB 11643 numbers and the birth date they carry. */
final class Gb11643 {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private Gb11643() {
    }

    /** @return whether the 18th character of the number is the check character of its first 17 digits */
    static boolean checks(String number) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return Character.toUpperCase(number.charAt(17)) == CHECK.charAt(sum % 11);
    }

    /** @return whether characters 7 to 14 of the number are a real date YYYYMMDD */
    static boolean hasBirthDate(String number) {
        try {
            birthDate(number);
            return true;
        } catch (DateTimeException | NumberFormatException e) {
            return false;
        }
    }

    static LocalDate birthDate(String number) {
        return LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
                Integer.parseInt(number.substring(12, 14)));
    }
}
