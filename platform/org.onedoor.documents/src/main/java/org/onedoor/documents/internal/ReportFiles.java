package org.onedoor.documents.internal;

import java.time.ZoneId;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.report.HallReport;
import org.onedoor.api.report.ReportRenderer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * The hall's reports as files (R19): the media report card as PDF ({@link ReportPdf}) and the
 * inspection office's workbook as XLSX ({@link ReportWorkbook}). The hall's name comes from the
 * documents' configuration (pid {@code org.onedoor.documents}).
 */
@Component(service = ReportRenderer.class, configurationPid = PdfCaseNotices.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class ReportFiles implements ReportRenderer {

    private final ReportPdf pdf;
    private final ReportWorkbook workbook;

    @Activate
    public ReportFiles(@Reference HallClock clock, PdfCaseNotices.Config config) {
        this(config.hallNameZh(), clock.zone());
    }

    /**
     * For tests and tools: the fonts shipped in this bundle. (A factory, not a second public
     * constructor of two arguments, which the component runtime could take for the one to call.)
     */
    public static ReportFiles of(String hallNameZh, ZoneId zone) {
        return new ReportFiles(hallNameZh, zone);
    }

    private ReportFiles(String hallNameZh, ZoneId zone) {
        ReportHeading heading = new ReportHeading(hallNameZh == null || hallNameZh.isBlank() ? "政务服务中心" : hallNameZh.strip(), zone);
        this.pdf = new ReportPdf(heading, NoticeFont.shipped());
        this.workbook = new ReportWorkbook(heading);
    }

    @Override
    public byte[] pdf(HallReport r) {
        return pdf.pdf(r);
    }

    @Override
    public byte[] xlsx(HallReport r) {
        return workbook.xlsx(r);
    }
}
