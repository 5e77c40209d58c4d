package org.onedoor.api.cases;

import java.math.BigDecimal;

/** Fee amounts as the hall records them: yuan, at most two decimals, from 0 to 1,000,000. */
public final class Fees {

    private static final BigDecimal MAX = new BigDecimal("1000000");

    private Fees() {
    }

    /**
     * @return the amount with two decimals
     * @throws IllegalArgumentException when it is negative, above 1,000,000 or has more than two decimals
     */
    public static BigDecimal checked(BigDecimal yuan) {
        if (yuan == null || yuan.signum() < 0 || yuan.compareTo(MAX) > 0 || yuan.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("收费金额应为0至1000000元，最多两位小数 / a fee is 0 to 1,000,000 yuan with at most two decimals");
        }
        return yuan.setScale(2);
    }
}
