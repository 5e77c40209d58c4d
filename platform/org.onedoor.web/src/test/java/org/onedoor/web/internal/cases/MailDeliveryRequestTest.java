package org.onedoor.web.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cases.CaseChannel;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.CaseTiming;
import org.onedoor.api.cases.Delivery;
import org.onedoor.api.cases.DeliveryMethod;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.cases.MailAddress;
import org.onedoor.api.cases.MailCarrier;
import org.onedoor.api.cases.TimeLight;
import org.onedoor.api.citizen.ResidentIdNumber;
import org.onedoor.web.internal.http.Fields;

/** Issue 18 over HTTP: a mail delivery's recipient, phone, address and carrier read from a body, each refusal naming its field; the views mask them. */
public class MailDeliveryRequestTest {

    private static final String MAIL = "{\"recipient\": \"欧阳小明\", \"phone\": \"13812345678\", \"province\": \"河南省\", \"city\": \"驻马店市\", "
            + "\"district\": \"驿城区\", \"street\": \"文明大道18号3单元502室\"}";

    private static Delivery delivery(String json) {
        return CaseRequests.delivery(Fields.of(Fields.parse(json.getBytes(StandardCharsets.UTF_8))));
    }

    private static Fields.FieldProblem refused(String json) {
        return assertThrows(Fields.FieldProblem.class, () -> delivery(json));
    }

    @Test
    void aMailDeliveryWithItsAddressAndCarrier() {
        Delivery d = delivery("{\"method\": \"MAIL\", \"trackingNumber\": \"EA123456789CN\", \"carrier\": \"CHINA_POST_REGISTERED\", \"mail\": " + MAIL + "}");
        assertEquals(DeliveryMethod.MAIL, d.method());
        assertEquals(Optional.of(MailCarrier.CHINA_POST_REGISTERED), d.carrier());
        MailAddress a = d.mailTo().orElseThrow();
        assertEquals("欧阳小明", a.recipient());
        assertEquals("文明大道18号3单元502室", a.street());
        Delivery byDefault = delivery("{\"method\": \"MAIL\", \"trackingNumber\": \"EA123456789CN\"}");
        assertEquals(Optional.empty(), byDefault.mailTo(), "the address recorded at acceptance, checked by the core");
        assertEquals(MailCarrier.EMS, byDefault.carrierOrDefault());
    }

    @Test
    void everyBadFieldIsNamed() {
        String mail = "{\"method\": \"MAIL\", \"trackingNumber\": \"EA123456789CN\", \"mail\": ";
        assertEquals("mail.phone", refused(mail + MAIL.replace("13812345678", "call me") + "}").field());
        assertEquals("invalid-mail-address", refused(mail + MAIL.replace("13812345678", "call me") + "}").code());
        assertEquals("mail.recipient", refused(mail + MAIL.replace("\"欧阳小明\"", "\"\"") + "}").field());
        assertEquals("mail.province", refused(mail + MAIL.replace(", \"province\": \"河南省\"", "") + "}").field());
        assertEquals("mail.city", refused(mail + MAIL.replace("\"驻马店市\"", "7") + "}").field());
        assertEquals("mail.district", refused(mail + MAIL.replace("驿城区", "区".repeat(33)) + "}").field());
        assertEquals("mail.street", refused(mail + MAIL.replace("文明大道18号3单元502室", "x") + "}").field());
        assertEquals("mail", refused(mail + "\"河南省驻马店市\"}").field());
        assertEquals("carrier", refused("{\"method\": \"MAIL\", \"trackingNumber\": \"EA123456789CN\", \"carrier\": \"PIGEON\"}").field());
        assertEquals("mail", refused("{\"method\": \"ISSUANCE_WINDOW\", \"mail\": " + MAIL + "}").field());
    }

    private static HallCase mailed() {
        MailAddress a = new MailAddress("欧阳小明", "13812345678", "河南省", "驻马店市", "驿城区", "文明大道18号3单元502室");
        return new HallCase("A17-20261002-0001", "", "A17-001", "rev", "普通护照签发", "A17", CaseChannel.ONLINE, 0, "", "欧阳小明",
                new ResidentIdNumber("411702199003074515").masked(), CaseState.DELIVERED, List.of(), Optional.empty(), Set.of(), "clerk1",
                Instant.parse("2026-10-02T02:00:00Z"), 0, LocalDate.of(2026, 10, 9), Optional.of(CaseState.APPROVED), "approver.a17",
                Optional.of(Instant.parse("2026-10-09T02:00:00Z")), "", false, Optional.of(DeliveryMethod.MAIL),
                a.masked(Optional.of(MailCarrier.EMS), true).line(), "EA123456789CN", "", Optional.of(Instant.parse("2026-10-09T03:00:00Z")),
                Optional.empty(), null, "", BigDecimal.ZERO, Optional.empty(), 0, List.of(), Optional.of(a.masked(Optional.of(MailCarrier.EMS), true)));
    }

    @Test
    void staffAndCitizenSeeTheAddressMasked() {
        JsonObject staff = CaseJson.staff(mailed(), new CaseTiming("A17-20261002-0001", "A17", 0, LocalDate.of(2026, 10, 9), 0, TimeLight.GREEN));
        JsonObject mail = staff.getJsonObject("mail");
        assertEquals("欧阳小明", mail.getString("recipient"));
        assertEquals("138****5678", mail.getString("phone"));
        assertEquals("驿城区", mail.getString("district"));
        assertEquals("文******", mail.getString("street"));
        assertEquals("EMS", mail.getString("carrier"));
        assertEquals("中国邮政EMS", mail.getString("carrierZh"));
        assertEquals("China Post EMS", mail.getString("carrierEn"));
        assertEquals("MAIL", staff.getString("deliveryPreference"));
        JsonObject citizen = CaseJson.citizen(mailed());
        assertEquals("欧***", citizen.getJsonObject("mail").getString("recipient"));
        for (JsonObject view : List.of(staff, citizen)) {
            String text = view.encode();
            assertFalse(text.contains("13812345678") || text.contains("文明大道"), text);
            assertTrue(text.contains("EA123456789CN"));
        }
    }
}
