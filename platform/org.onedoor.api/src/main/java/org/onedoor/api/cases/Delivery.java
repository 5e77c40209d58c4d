package org.onedoor.api.cases;

/**
 * How to hand a result over.
 *
 * @param method         issuance window, pickup locker or mail
 * @param detail         the issuance window number, the locker door, or the mail address (free text, at most 200 characters)
 * @param trackingNumber the postal tracking number (MAIL only, required there), else empty
 */
public record Delivery(DeliveryMethod method, String detail, String trackingNumber) {

    public Delivery {
        if (method == null) {
            throw new IllegalArgumentException("送达方式不能为空：ISSUANCE_WINDOW、PICKUP_LOCKER 或 MAIL");
        }
        detail = detail == null ? "" : detail.strip();
        trackingNumber = trackingNumber == null ? "" : trackingNumber.strip();
        if (detail.length() > 200 || trackingNumber.length() > 64) {
            throw new IllegalArgumentException("送达信息过长（detail 最多200个字符，trackingNumber 最多64个字符）");
        }
        if (method == DeliveryMethod.MAIL && !trackingNumber.matches("[A-Za-z0-9-]{6,64}")) {
            throw new IllegalArgumentException("免费邮寄需要快递单号（6-64位字母、数字或-）");
        }
    }
}
