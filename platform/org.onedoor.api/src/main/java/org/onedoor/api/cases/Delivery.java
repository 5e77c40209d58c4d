package org.onedoor.api.cases;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * How to hand a result over.
 *
 * @param method         issuance window, pickup locker or mail
 * @param detail         the issuance window number, a note on the locker delivery, or the mail address (free text, at most
 *                       200 characters); for PICKUP_LOCKER without {@code cabinet}, a detail that is exactly a configured
 *                       cabinet's id chooses that cabinet
 * @param trackingNumber the postal tracking number (MAIL only, required there), else empty
 * @param cabinet        the pickup-locker cabinet (PICKUP_LOCKER only), empty for the hall's default or only cabinet
 * @param feeCharged     the fee in yuan charged when the result is handed over, if one is recorded now (checked against
 *                       the matter's fee rule: a mismatch raises a supervision alert)
 */
public record Delivery(DeliveryMethod method, String detail, String trackingNumber, String cabinet, Optional<BigDecimal> feeCharged) {

    public Delivery {
        if (method == null) {
            throw new IllegalArgumentException("送达方式不能为空：ISSUANCE_WINDOW、PICKUP_LOCKER 或 MAIL");
        }
        detail = detail == null ? "" : detail.strip();
        trackingNumber = trackingNumber == null ? "" : trackingNumber.strip();
        cabinet = cabinet == null ? "" : cabinet.strip();
        feeCharged = feeCharged == null ? Optional.empty() : feeCharged.map(Fees::checked);
        if (detail.length() > 200 || trackingNumber.length() > 64 || cabinet.length() > 64) {
            throw new IllegalArgumentException("送达信息过长（detail 最多200个字符，trackingNumber、cabinet 最多64个字符）");
        }
        if (method == DeliveryMethod.MAIL && !trackingNumber.matches("[A-Za-z0-9-]{6,64}")) {
            throw new IllegalArgumentException("免费邮寄需要快递单号（6-64位字母、数字或-）");
        }
        if (method != DeliveryMethod.PICKUP_LOCKER && !cabinet.isEmpty()) {
            throw new IllegalArgumentException("cabinet（智能柜编号）只用于 PICKUP_LOCKER 送达");
        }
    }

    /**
     * A delivery without a named cabinet (the hall's default or only cabinet for PICKUP_LOCKER).
     *
     * @param method         issuance window, pickup locker or mail
     * @param detail         see {@link #detail()}
     * @param trackingNumber see {@link #trackingNumber()}
     */
    public Delivery(DeliveryMethod method, String detail, String trackingNumber) {
        this(method, detail, trackingNumber, "");
    }

    /**
     * A delivery that records no fee.
     *
     * @param method         issuance window, pickup locker or mail
     * @param detail         see {@link #detail()}
     * @param trackingNumber see {@link #trackingNumber()}
     * @param cabinet        see {@link #cabinet()}
     */
    public Delivery(DeliveryMethod method, String detail, String trackingNumber, String cabinet) {
        this(method, detail, trackingNumber, cabinet, Optional.empty());
    }
}
