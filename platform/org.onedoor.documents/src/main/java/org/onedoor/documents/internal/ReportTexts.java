package org.onedoor.documents.internal;

import java.util.List;
import java.util.OptionalDouble;
import org.onedoor.api.report.UnitFigures;

/** The columns of a report's table, as both files print them: a Chinese heading, an English one, the cell's text. */
final class ReportTexts {

    /** One column: its headings and how a row prints in it. */
    record Column(String zh, String en, java.util.function.Function<UnitFigures, String> text, float width) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("名次", "Rank", u -> u.rank() == 0 ? "—" : String.valueOf(u.rank()), 30f),
            new Column("单位/窗口", "Unit / window", UnitFigures::nameZh, 118f),
            new Column("积分", "Points", u -> String.valueOf(u.points()), 34f),
            new Column("受理", "Accepted", u -> String.valueOf(u.accepted()), 34f),
            new Column("办结", "Decided", u -> String.valueOf(u.decided()), 34f),
            new Column("按期率", "On time", u -> percent(u.onTimeRate()), 44f),
            new Column("超期", "Overdue", u -> String.valueOf(u.overdue()), 32f),
            new Column("即办率", "Immediate", u -> percent(u.immediateShare()), 44f),
            new Column("不见面", "No visit", u -> percent(u.noVisitShare()), 44f),
            new Column("跑一次", "One trip", u -> percent(u.oneTripShare()), 44f),
            new Column("压缩率", "Compression", u -> u.compressionCases() == 0 ? "—" : percent(OptionalDouble.of(u.averageCompression())), 46f),
            new Column("评价", "Ratings", u -> String.valueOf(u.ratings()), 32f),
            new Column("均分", "Avg score", u -> u.scores() == 0 ? "—" : String.format("%.2f", u.averageScore()), 34f),
            new Column("差评", "Bad", u -> String.valueOf(u.badScores()), 30f),
            new Column("投诉", "Complaints", u -> String.valueOf(u.complaints()), 32f),
            new Column("拖延投诉", "Slow", u -> String.valueOf(u.slowComplaints()), 40f));

    private ReportTexts() {
    }

    /** @return the share as a percentage with one decimal ({@code 66.7%}), or a dash when it has no base */
    static String percent(OptionalDouble share) {
        return share.isPresent() ? String.format("%.1f%%", share.getAsDouble() * 100.0) : "—";
    }
}
