package org.onedoor.core.internal.matter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onedoor.api.matter.Material;
import org.onedoor.api.matter.MaterialKind;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterQuery;
import org.onedoor.api.matter.MatterType;
import org.onedoor.api.matter.MatterValidator;

class CatalogStateTest {

    static Matter matter(String code, String name, String zone) {
        return new Matter(code, name, "", code.substring(0, 3), zone, MatterType.PUBLIC_SERVICE,
                List.of(new Material("居民身份证", MaterialKind.MAIN, "")), 5, 1, false, false, true, BigDecimal.ZERO, Set.of(), "");
    }

    @Test
    void aSourceOfItsOwnDepartmentIsOfferedAndWithdrawn() {
        CatalogState state = new CatalogState();
        assertTrue(state.offer("k1", "a26", Set.of("A26"), List.of(matter("A26-001", "住房公积金提取", "provident-fund"))).accepted());
        assertEquals(Map.of("A26", 1), state.counts());
        state.withdraw("k1");
        assertTrue(state.matter("A26-001").isEmpty());
    }

    @Test
    void aForeignMatterRefusesTheWholeSource() {
        CatalogState state = new CatalogState();
        CatalogState.Outcome outcome = state.offer("k1", "evil", Set.of("A26"),
                List.of(matter("A26-001", "住房公积金提取", "provident-fund"), matter("A17-001", "普通护照签发", "police")));
        assertFalse(outcome.accepted());
        assertTrue(outcome.refusal().contains("A17-001 belongs to department A17"), outcome.refusal());
        assertTrue(state.matters(MatterQuery.ALL).isEmpty(), "nothing of a refused source is registered");
    }

    @Test
    void aCodeOfferedByAnotherSourceIsRefused() {
        CatalogState state = new CatalogState();
        state.offer("k1", "first", Set.of("A26"), List.of(matter("A26-001", "住房公积金提取", "provident-fund")));
        assertTrue(state.offer("k2", "second", Set.of("A26"), List.of(matter("A26-001", "另一个", "provident-fund")))
                .refusal().contains("already offered by first"));
        assertTrue(state.offer("k1", "first, updated", Set.of("A26"), List.of(matter("A26-001", "住房公积金提取（新）", "provident-fund")))
                .accepted(), "a source may replace its own matters");
        assertEquals("住房公积金提取（新）", state.matter("A26-001").orElseThrow().nameZh());
    }

    static Matter slot(String code) {
        return new Matter(code, "政务服务事项（目录第1项）", "", code.substring(0, 3), "enterprise", MatterType.OTHER_POWER,
                List.of(), 20, 20, false, false, false, BigDecimal.ZERO, Set.of(), "", null, true);
    }

    @Test
    void aDescribedMatterTakesThePlaceOfASlotUntilItIsWithdrawn() {
        CatalogState state = new CatalogState();
        state.offer("hall", "hall catalog", Set.of("A01"), List.of(slot("A01-001"), slot("A01-002")));
        assertTrue(state.offer("xlsx", "loaded a01.xlsx", Set.of("A01"), List.of(matter("A01-001", "有限责任公司设立登记", "enterprise")))
                .accepted());
        assertEquals("有限责任公司设立登记", state.matter("A01-001").orElseThrow().nameZh());
        assertFalse(state.matter("A01-001").orElseThrow().slot());
        assertTrue(state.matter("A01-002").orElseThrow().slot());
        assertEquals(Map.of("A01", 2), state.counts(), "the unit still offers its count");
        assertTrue(state.offer("other", "another file", Set.of("A01"), List.of(matter("A01-001", "另一个", "enterprise")))
                .refusal().contains("already offered by loaded a01.xlsx"), "a described matter is not replaced by another");
        state.withdraw("xlsx");
        assertTrue(state.matter("A01-001").orElseThrow().slot(), "the slot is back");
    }

    @Test
    void aSlotCannotClaimOneTripOrImmediateHandling() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Matter("A01-001", "目录第1项", "", "A01",
                "enterprise", MatterType.OTHER_POWER, List.of(), 20, 5, false, false, true, BigDecimal.ZERO, Set.of(), "", null, true));
        assertTrue(e.getMessage().contains("catalog slot"), e.getMessage());
    }

    @Test
    void queriesFilterByUnitZoneAndChineseText() {
        CatalogState state = new CatalogState();
        state.offer("p", "police", Set.of("A17"), List.of(matter("A17-001", "普通护照签发", "police"), matter("A17-002", "往来港澳通行证签发", "police")));
        state.offer("f", "fund", Set.of("A26"), List.of(matter("A26-001", "住房公积金提取", "provident-fund")));
        assertEquals(List.of("A17-001"), state.matters(new MatterQuery("", "", "护照")).stream().map(Matter::code).toList());
        assertEquals(2, state.matters(new MatterQuery("A17", "", "")).size());
        assertEquals(1, state.matters(new MatterQuery("", "provident-fund", "")).size());
        assertEquals(List.of("A17-001", "A17-002", "A26-001"), state.matters(MatterQuery.ALL).stream().map(Matter::code).toList());
    }

    @Test
    void validatorsRunOnlyForTheirOwnDepartment() {
        CatalogState state = new CatalogState();
        state.offer("f", "fund", Set.of("A26"), List.of(matter("A26-002", "租房提取", "provident-fund")));
        MatterValidator rent = new MatterValidator() {
            @Override public Set<String> matterCodes() { return Set.of("A26-002"); }
            @Override public List<String> validate(String code, Map<String, String> fields) {
                return fields.containsKey("monthlyRent") ? List.of() : List.of("请填写月租金");
            }
        };
        assertFalse(state.offerValidator("v-foreign", Set.of("A17"), rent).accepted());
        assertEquals(List.of(), state.validate("A26-002", Map.of()), "the refused validator does not run");
        assertTrue(state.offerValidator("v", Set.of("A26"), rent).accepted());
        assertEquals(List.of("请填写月租金"), state.validate("A26-002", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> state.validate("A26-999", Map.of()));
    }
}
