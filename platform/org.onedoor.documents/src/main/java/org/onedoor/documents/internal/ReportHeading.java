package org.onedoor.documents.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.onedoor.api.report.HallReport;
import org.onedoor.api.report.ReportBasis;

/** What both files of a report print first: its title and the lines of its period and data basis. */
record ReportHeading(String hallNameZh, ZoneId zone) {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    String title(HallReport r) {
        return hallNameZh + r.period().titleZh();
    }

    List<String> basisLines(HallReport r) {
        ReportBasis b = r.basis();
        List<String> out = new ArrayList<>();
        out.add("统计期间 Period：" + r.period().key() + "（" + r.period().start() + " 至 " + r.period().end() + "，工作日 "
                + r.period().workingDays() + " 天）");
        out.add("数据截至 As of：" + AT.format(b.asOf().atZone(zone)) + "；生成 Built：" + AT.format(r.builtAt().atZone(zone)) + "（"
                + r.builtBy() + "），报告编号 " + r.id());
        out.add("数据依据 Basis：办件 " + b.cases() + " 件、投诉 " + b.complaints() + " 件、评价 " + b.ratings() + " 件、事项目录 "
                + b.catalogMatters() + " 项；R5 阈值 " + b.conversionThreshold() + " 件/月、拖延投诉 " + b.slowComplaintThreshold() + " 件/月");
        out.add("数据摘要 SHA-256：" + b.digest());
        return out;
    }
}
