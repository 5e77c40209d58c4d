package org.onedoor.documents.internal;

import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.hall.HallClock;
import org.onedoor.documents.CaseNotices;
import org.onedoor.documents.NoticeFacts;
import org.onedoor.documents.NoticeKind;
import org.onedoor.documents.Refusal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The case notices as PDF (pid {@code org.onedoor.documents}): the hall's name heads each notice and its
 * public address is where the QR code points.
 */
@Component(service = CaseNotices.class, configurationPid = PdfCaseNotices.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PdfCaseNotices.Config.class)
public final class PdfCaseNotices implements CaseNotices {

    static final String PID = "org.onedoor.documents";

    @ObjectClassDefinition(name = "OneDoor documents", description = "The hall's printed notices")
    public @interface Config {
        @AttributeDefinition(description = "The hall's name as it heads every notice")
        String hallNameZh() default "政务服务中心";

        @AttributeDefinition(description = "The hall's address as citizens' phones reach it; a notice's QR code opens <publicUrl>/ui/ticket?case=<number>")
        String publicUrl() default "http://localhost:8080";
    }

    private final HallClock clock;
    private final NoticeTexts texts;
    private final NoticeLayout layout;

    @Activate
    public PdfCaseNotices(@Reference HallClock clock, Config config) {
        this(clock, config.hallNameZh(), config.publicUrl(), NoticeFont.shipped());
    }

    PdfCaseNotices(HallClock clock, String hallNameZh, String publicUrl, NoticeFont font) {
        this.clock = clock;
        this.texts = new NoticeTexts(hallNameZh.isBlank() ? "政务服务中心" : hallNameZh.strip(), publicUrl.strip(), clock.zone());
        this.layout = new NoticeLayout(font);
    }

    @Override
    public byte[] render(NoticeKind kind, HallCase hallCase, NoticeFacts facts) {
        return layout.render(texts.of(kind, hallCase, facts, clock.today()), texts.hallNameZh(), now());
    }

    @Override
    public byte[] refusal(Refusal refusal) {
        return layout.render(texts.refusal(refusal, clock.today()), texts.hallNameZh(), now());
    }

    private Calendar now() {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone(clock.zone()));
        c.setTimeInMillis(clock.now().toEpochMilli());
        return c;
    }
}
