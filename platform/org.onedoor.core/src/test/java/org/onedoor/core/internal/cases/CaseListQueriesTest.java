package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cases.CaseQuery;
import org.onedoor.api.cases.HallCase;

/** A list of cases reads its cases' materials, parties, pauses and mail in one query each, not one more per case. */
class CaseListQueriesTest {

    private final CaseFixture f = new CaseFixture();

    @Test
    void aListRunsAsManyQueriesForThreeCasesAsForOne() {
        f.cases.accept(CaseFixture.online(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片"), CaseFixture.CLERK);
        Supplier<List<HallCase>> latest = () -> f.cases.cases(new CaseQuery(Optional.empty(), Optional.empty(), 10));
        Supplier<List<HallCase>> backOffice = () -> f.cases.backOffice("A17");
        int latestOfOne = statementsOf(latest, 1);
        int backOfficeOfOne = statementsOf(backOffice, 1);

        f.cases.accept(CaseFixture.online(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片"), CaseFixture.CLERK);
        f.cases.accept(CaseFixture.online(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片"), CaseFixture.CLERK);

        assertEquals(latestOfOne, statementsOf(latest, 3), "the latest cases: the same queries for three cases as for one");
        assertEquals(backOfficeOfOne, statementsOf(backOffice, 3), "the back office: the same queries for three cases as for one");
        assertEquals(5, latestOfOne, "the cases, then their materials, parties, pauses and mail");
    }

    private int statementsOf(Supplier<List<HallCase>> read, int cases) {
        int before = f.statements.get();
        List<HallCase> listed = read.get();
        assertEquals(cases, listed.size());
        listed.forEach(c -> assertEquals(List.of("申请人居民身份证", "近期免冠彩色照片"),
                c.materials().stream().filter(m -> m.received()).map(m -> m.name()).toList(), "materials of " + c.number()));
        return f.statements.get() - before;
    }
}
