package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.CaseMail;
import org.onedoor.api.cases.CaseQuery;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.Delivery;
import org.onedoor.api.cases.DeliveryMethod;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.cases.MailAddress;
import org.onedoor.api.cases.MailCarrier;

/**
 * Free mail delivery with its address (R13) and the 365 holiday service's mail by default (R14), on the real case store:
 * the address is kept in full in {@code case_mail}, every view and the audit trail see it masked.
 */
class MailDeliveryTest {

    private final CaseFixture f = new CaseFixture();

    private String ready(String number) {
        f.cases.decide(number, true, "符合条件", CaseFixture.APPROVER_A17);
        f.cases.resultReady(number, CaseFixture.APPROVER_A17);
        return number;
    }

    private String readyCase() {
        return ready(f.cases.accept(CaseFixture.online(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK).hallCase().number());
    }

    private List<String> stored(String number) {
        return f.database.withHandle(h -> h.createQuery("SELECT recipient, phone, street, carrier FROM case_mail WHERE case_no = :n")
                .bind("n", number).map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), String.valueOf(rs.getString(4))))
                .findOne().orElse(List.of()));
    }

    @Test
    void aMailDeliveryRecordsRecipientPhoneAddressCarrierAndTrackingNumberMaskedInEveryView() {
        String no = readyCase();
        HallCase h = f.cases.deliver(no, Delivery.mail(Optional.of(CaseFixture.MAIL_TO), MailCarrier.EMS, "EA123456789CN"), CaseFixture.CLERK);
        assertEquals(CaseState.DELIVERED, h.state());
        assertEquals(Optional.of(DeliveryMethod.MAIL), h.deliveryMethod());
        assertEquals("EA123456789CN", h.trackingNumber());
        CaseMail m = h.mail().orElseThrow();
        assertEquals("张三", m.recipient());
        assertEquals("138****5678", m.phoneMasked());
        assertEquals("河南省", m.province());
        assertEquals("驻马店市", m.city());
        assertEquals("驿城区", m.district());
        assertEquals("文******", m.streetMasked());
        assertEquals(Optional.of(MailCarrier.EMS), m.carrier());
        assertFalse(m.atAcceptance());
        assertEquals(List.of("张三", "13812345678", "文明大道18号3单元502室", "EMS"), stored(no), "the full address is kept for the label");
        assertFalse(h.deliveryDetail().contains("文明大道") || h.deliveryDetail().contains("13812345678"), h.deliveryDetail());
        assertEquals(h.mail(), f.cases.cases(new CaseQuery(Optional.empty(), Optional.of(CaseState.DELIVERED), 10)).get(0).mail(), "the staff lists carry it masked too");
        AuditEvent deliver = f.audit.stream().filter(a -> a.action().equals("case-deliver")).findFirst().orElseThrow();
        assertTrue(deliver.detail().contains("中国邮政EMS") && deliver.detail().contains("EA123456789CN")
                && deliver.detail().contains("河南省驻马店市驿城区"), deliver.detail());
        assertFalse(deliver.detail().contains("文明大道") || deliver.detail().contains("13812345678"), "no unmasked address in the audit trail");
        String history = f.cases.history(no).stream().filter(e -> e.action().equals("case-deliver")).findFirst().orElseThrow().detail();
        assertFalse(history.contains("文明大道"), history);
    }

    @Test
    void aMailDeliveryWithoutAnAddressIsRefusedNamingTheField() {
        String no = readyCase();
        CaseException e = assertThrows(CaseException.class, () -> f.cases.deliver(no, new Delivery(DeliveryMethod.MAIL, "", "EA123456789CN"),
                CaseFixture.CLERK));
        assertEquals("mail-address-required", e.code());
        assertEquals("mail", e.field());
        assertEquals(CaseState.RESULT_READY, f.cases.find(no).orElseThrow().state());
        assertEquals(List.of(), stored(no));
    }

    @Test
    void everyFieldOfTheAddressIsChecked() {
        assertEquals("phone", assertThrows(CaseException.class, () -> new MailAddress("张三", "12ab", "河南省", "驻马店市", "驿城区", "某路1号")).field());
        assertEquals("recipient", assertThrows(CaseException.class, () -> new MailAddress(" ", "13812345678", "河南省", "驻马店市", "驿城区", "某路1号")).field());
        assertEquals("province", assertThrows(CaseException.class, () -> new MailAddress("张三", "13812345678", "", "驻马店市", "驿城区", "某路1号")).field());
        assertEquals("city", assertThrows(CaseException.class, () -> new MailAddress("张三", "13812345678", "河南省", "x".repeat(33), "驿城区", "某路1号")).field());
        assertEquals("district", assertThrows(CaseException.class, () -> new MailAddress("张三", "13812345678", "河南省", "驻马店市", null, "某路1号")).field());
        assertEquals("street", assertThrows(CaseException.class, () -> new MailAddress("张三", "13812345678", "河南省", "驻马店市", "驿城区", "路\n1")).field());
        assertEquals("0396-*****67", new MailAddress("张三", "0396-1234567", "河南省", "驻马店市", "驿城区", "某路1号").phoneMasked());
    }

    @Test
    void aCaseAcceptedOnAPublicHolidayIsMailedByDefaultAndNeedsTheAddressAtAcceptance() {
        f.clock.set(Instant.parse("2026-10-02T02:00:00Z")); // 国庆节 of the 2026 calendar
        CaseException missing = assertThrows(CaseException.class, () -> f.cases.accept(CaseFixture.online(CaseFixture.IMMEDIATE, "申请人居民身份证"),
                CaseFixture.CLERK));
        assertEquals("mail-address-required", missing.code());
        assertEquals("mail", missing.field());
        HallCase h = f.cases.accept(CaseFixture.online(CaseFixture.IMMEDIATE, "申请人居民身份证").withMailTo(CaseFixture.MAIL_TO), CaseFixture.CLERK)
                .hallCase();
        assertEquals(Optional.of(DeliveryMethod.MAIL), h.deliveryPreference());
        assertTrue(h.mail().orElseThrow().atAcceptance());
        assertEquals(Optional.empty(), h.mail().get().carrier());
        String accepted = f.cases.history(h.number()).stream().filter(e -> e.action().equals("case-mail-address")).findFirst().orElseThrow().detail();
        assertTrue(accepted.contains("R14") && accepted.contains("驿城区") && !accepted.contains("文明大道"), accepted);
        ready(h.number());
        // the issuance window hands it over otherwise only at the applicant's recorded request
        CaseException asked = assertThrows(CaseException.class, () -> f.cases.deliver(h.number(),
                new Delivery(DeliveryMethod.ISSUANCE_WINDOW, "3", ""), CaseFixture.CLERK));
        assertEquals("mail-by-default", asked.code());
        assertEquals("applicantAsked", asked.field());
        // by mail, the address of the acceptance is used
        HallCase mailed = f.cases.deliver(h.number(), Delivery.mail(Optional.empty(), MailCarrier.EMS, "EA000000001CN"), CaseFixture.CLERK);
        assertEquals(Optional.of(MailCarrier.EMS), mailed.mail().orElseThrow().carrier());
        assertTrue(mailed.mail().get().atAcceptance());
        assertEquals("文明大道18号3单元502室", stored(h.number()).get(2));
    }

    @Test
    void theApplicantMayAskForTheWindowInsteadOfTheMailAndThatIsRecorded() {
        f.clock.set(Instant.parse("2026-10-05T02:00:00Z"));
        String no = ready(f.cases.accept(CaseFixture.online(CaseFixture.IMMEDIATE, "申请人居民身份证").withMailTo(CaseFixture.MAIL_TO),
                CaseFixture.CLERK).hallCase().number());
        f.clock.set(Instant.parse("2026-10-09T02:00:00Z"));
        HallCase h = f.cases.deliver(no, new Delivery(DeliveryMethod.ISSUANCE_WINDOW, "3", "", "", Optional.empty(), Optional.empty(),
                Optional.empty(), "申请人节后到厅，要求当面领取"), CaseFixture.CLERK);
        assertEquals(Optional.of(DeliveryMethod.ISSUANCE_WINDOW), h.deliveryMethod());
        String history = f.cases.history(no).stream().filter(e -> e.action().equals("case-deliver")).findFirst().orElseThrow().detail();
        assertTrue(history.contains("申请人要求不邮寄") && history.contains("当面领取"), history);
    }

    @Test
    void aWorkingDayCaseIsNotMailedByDefault() {
        HallCase h = f.cases.accept(CaseFixture.online(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK).hallCase();
        assertEquals(Optional.empty(), h.deliveryPreference());
        assertEquals(Optional.empty(), h.mail());
        ready(h.number());
        assertEquals(CaseState.DELIVERED, f.cases.deliver(h.number(), new Delivery(DeliveryMethod.ISSUANCE_WINDOW, "3", ""), CaseFixture.CLERK).state());
    }
}
