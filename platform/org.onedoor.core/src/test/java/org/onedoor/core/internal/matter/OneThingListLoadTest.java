package org.onedoor.core.internal.matter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.matter.InvalidOneThingsException;
import org.onedoor.api.matter.Material;
import org.onedoor.api.matter.MaterialKind;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.matter.MatterQuery;
import org.onedoor.api.matter.MatterType;
import org.onedoor.api.matter.OneThingList;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.core.internal.audit.JdbcAuditTrail;
import org.onedoor.core.internal.zone.TestStore;
import org.onedoor.store.HallDatabase;

/**
 * R11: the hall's own "one thing" list loaded over the shipped one, on the real migrated database (H2): checked whole
 * against the catalog, kept for every node, audited, and reset to the shipped list.
 */
class OneThingListLoadTest {

    private static final HallClock CLOCK = HallClock.of(Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), ZoneId.of("Asia/Shanghai")));

    private final HallDatabase database = new HallDatabase(TestStore.migrated());
    private final JdbcAuditTrail trail = new JdbcAuditTrail(database, CLOCK);
    private final AuditOutbox outbox = new AuditOutbox(database, trail, CLOCK);
    private final MatterCatalog catalog = catalog(matter("A15-001"), matter("A26-006"), matter("A17-009"));
    private final List<OneThingCatalog.Entry> shipped = List.of(
            new OneThingCatalog.Entry("OT01", "占位", "", List.of("A15-001", "A26-006"), true, "placeholder"));

    private static Matter matter(String code) {
        return new Matter(code, "事项" + code, "", code.substring(0, 3), "universal", MatterType.ADMINISTRATIVE_LICENSE,
                List.of(new Material("申请人身份证明", MaterialKind.MAIN, "")), 20, 5, false, false, false, BigDecimal.ZERO, Set.of(), "r1", null,
                false);
    }

    private static MatterCatalog catalog(Matter... matters) {
        return new MatterCatalog() {
            @Override public List<Matter> matters(MatterQuery query) { return List.of(matters); }
            @Override public Optional<Matter> matter(String code) { return Arrays.stream(matters).filter(m -> m.code().equals(code)).findFirst(); }
            @Override public Map<String, Integer> countsByDepartment() { return Map.of(); }
            @Override public List<String> validate(String code, Map<String, String> fields) { return List.of(); }
        };
    }

    private OneThingCatalog node() {
        return new OneThingCatalog(catalog, shipped, database, outbox, CLOCK, null);
    }

    private static final String HALLS_LIST = """
            {"format": "onedoor-one-things/1", "oneThings": [
              {"code": "OT01", "nameZh": "二手房买卖及公积金贷款“一件事”", "nameEn": "Resale home with a provident fund loan",
               "matters": ["A15-001", "A26-006"], "note": "驻马店市民之家 2026 年公布"},
              {"code": "OT02", "nameZh": "新生儿出生“一件事”", "matters": ["A17-009", "A15-001"]}
            ]}
            """;

    @Test
    void theHallsListReplacesTheShippedOneOnEveryNodeAndIsAudited() {
        OneThingCatalog one = node();
        OneThingCatalog two = node();
        assertFalse(one.current().loaded());
        assertEquals(1, two.oneThings().size(), "the shipped list");

        OneThingList loaded = one.load(HALLS_LIST, "one-things-2026.json", "op1");
        assertTrue(loaded.loaded());
        assertEquals(2, loaded.count());
        assertEquals("op1", loaded.loadedBy());
        assertEquals(Optional.of(CLOCK.now()), loaded.loadedAt());
        assertEquals("二手房买卖及公积金贷款“一件事”", one.oneThing("OT01").orElseThrow().nameZh());
        assertFalse(one.oneThing("OT01").orElseThrow().placeholder(), "a loaded entry is the hall's own unless it says otherwise");
        assertEquals(List.of("A17", "A15"), one.oneThing("OT02").orElseThrow().departmentIds());

        two.refresh();
        assertEquals(2, two.oneThings().size(), "another node takes the list up from the hall database");
        assertEquals("one-things-2026.json", two.current().source());
        assertEquals(2, node().oneThings().size(), "and a node that starts later serves it at once");
        assertTrue(trail.recent("one-things-load", "op1", 5).get(0).event().detail().contains("OT01、OT02"));

        one.reset("op1");
        assertEquals(1, one.oneThings().size());
        two.refresh();
        assertFalse(two.current().loaded(), "the reset reaches the other node too");
        assertEquals("占位", two.oneThing("OT01").orElseThrow().nameZh());
    }

    @Test
    void aBadListIsRefusedWholeNamingEveryProblemAndChangesNothing() {
        OneThingCatalog one = node();
        one.load(HALLS_LIST, "good.json", "op1");
        InvalidOneThingsException e = assertThrows(InvalidOneThingsException.class, () -> one.load("""
                {"format": "onedoor-one-things/1", "oneThings": [
                  {"code": "OT1", "nameZh": "", "matters": ["A15-001"]},
                  {"code": "OT02", "nameZh": "重复的事项", "matters": ["A15-001", "A15-001", "A99-001"], "placeholder": "yes"}
                ]}
                """, "bad.json", "op1"));
        assertEquals("oneThings[0].code", e.field());
        String all = String.join("\n", e.problems());
        for (String expected : List.of("oneThings[0].code", "oneThings[0].nameZh", "oneThings[0].matters:", "oneThings[1].matters[1]: A15-001 重复",
                "oneThings[1].matters[2]: 大厅目录中没有事项 A99-001", "oneThings[1].placeholder")) {
            assertTrue(all.contains(expected), expected + " in\n" + all);
        }
        assertEquals("good.json", one.current().source(), "nothing changed");
        assertEquals(2, one.oneThings().size());
        assertEquals("format", assertThrows(InvalidOneThingsException.class,
                () -> one.load("{\"format\": \"v2\", \"oneThings\": [{\"code\": \"OT01\", \"nameZh\": \"x\", \"matters\": [\"A15-001\", \"A26-006\"]}]}",
                        "v2.json", "op1")).field());
        assertEquals("file", assertThrows(InvalidOneThingsException.class, () -> one.load("{not json", "x.json", "op1")).field());
        assertEquals("oneThings", assertThrows(InvalidOneThingsException.class,
                () -> one.load("{\"format\": \"onedoor-one-things/1\", \"oneThings\": []}", "empty.json", "op1")).field());
    }
}
