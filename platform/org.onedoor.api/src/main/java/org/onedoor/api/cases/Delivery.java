package org.onedoor.api.cases;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * How to hand a result over.
 *
 * @param method         issuance window, pickup locker or mail
 * @param detail         the issuance window number or a note on the locker delivery (free text, at most 200 characters; not kept
 *                       for MAIL, whose address is {@code mailTo}); for PICKUP_LOCKER without {@code cabinet}, a detail that is exactly a configured
 *                       cabinet's id chooses that cabinet
 * @param trackingNumber the postal tracking number (MAIL only, required there), else empty
 * @param cabinet        the pickup-locker cabinet (PICKUP_LOCKER only), empty for the hall's default or only cabinet
 * @param feeCharged     the fee in yuan charged when the result is handed over, if one is recorded now (checked against
 *                       the matter's fee rule: a mismatch raises a supervision alert)
 * @param mailTo         the recipient, phone and postal address (MAIL only); empty for the address recorded on the case at
 *                       acceptance, which a MAIL delivery then needs; since 1.11
 * @param carrier        the postal carrier (MAIL only); empty for {@link MailCarrier#EMS}; since 1.11
 * @param applicantAsked why the result is handed over otherwise than by the mail the case was to be delivered by (the
 *                       applicant's request at the issuance window, at most 200 characters), else empty; required then; since 1.11
 */
public record Delivery(DeliveryMethod method, String detail, String trackingNumber, String cabinet, Optional<BigDecimal> feeCharged,
        Optional<MailAddress> mailTo, Optional<MailCarrier> carrier, String applicantAsked) {

    public Delivery {
        mailTo = mailTo == null ? Optional.empty() : mailTo;
        carrier = carrier == null ? Optional.empty() : carrier;
        applicantAsked = applicantAsked == null ? "" : applicantAsked.strip();
        if (applicantAsked.length() > 200) {
            throw new IllegalArgumentException("applicantAsked（申请人改变送达方式的要求）最多200个字符");
        }
        if (method != DeliveryMethod.MAIL && (mailTo.isPresent() || carrier.isPresent())) {
            throw new IllegalArgumentException("mail、carrier（邮寄地址和承运方）只用于 MAIL 送达");
        }
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

    /**
     * A delivery as before 1.11: by mail to the address recorded on the case, by {@link MailCarrier#EMS}.
     *
     * @param method         issuance window, pickup locker or mail
     * @param detail         see {@link #detail()}
     * @param trackingNumber see {@link #trackingNumber()}
     * @param cabinet        see {@link #cabinet()}
     * @param feeCharged     see {@link #feeCharged()}
     */
    public Delivery(DeliveryMethod method, String detail, String trackingNumber, String cabinet, Optional<BigDecimal> feeCharged) {
        this(method, detail, trackingNumber, cabinet, feeCharged, Optional.empty(), Optional.empty(), "");
    }

    /**
     * A free mail delivery (R13).
     *
     * @param mailTo         the recipient and the address, or empty for the one recorded at acceptance
     * @param carrier        the carrier
     * @param trackingNumber the tracking number
     * @return the delivery
     */
    public static Delivery mail(Optional<MailAddress> mailTo, MailCarrier carrier, String trackingNumber) {
        return new Delivery(DeliveryMethod.MAIL, "", trackingNumber, "", Optional.empty(), mailTo, Optional.ofNullable(carrier), "");
    }

    /** @return the carrier of a MAIL delivery, {@link MailCarrier#EMS} when none is named */
    public MailCarrier carrierOrDefault() {
        return carrier.orElse(MailCarrier.EMS);
    }
}
