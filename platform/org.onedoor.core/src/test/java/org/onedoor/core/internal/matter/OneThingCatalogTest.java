package org.onedoor.core.internal.matter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onedoor.api.matter.Material;
import org.onedoor.api.matter.MaterialKind;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.matter.MatterQuery;
import org.onedoor.api.matter.MatterType;
import org.onedoor.api.matter.OneThing;

/** R11: the shipped "one thing" bundles, read against the catalog. */
class OneThingCatalogTest {

    private static Matter matter(String code, boolean slot, String... materials) {
        return new Matter(code, "事项" + code, "", code.substring(0, 3), "universal", MatterType.ADMINISTRATIVE_LICENSE,
                java.util.Arrays.stream(materials).map(n -> new Material(n, MaterialKind.MAIN, "")).toList(), 20, 5, false, false, false,
                BigDecimal.ZERO, Set.of(), "r1", null, slot);
    }

    private static MatterCatalog catalog(Matter... matters) {
        return new MatterCatalog() {
            @Override public List<Matter> matters(MatterQuery query) { return List.of(matters); }
            @Override public Optional<Matter> matter(String code) { return java.util.Arrays.stream(matters).filter(m -> m.code().equals(code)).findFirst(); }
            @Override public Map<String, Integer> countsByDepartment() { return Map.of(); }
            @Override public List<String> validate(String code, Map<String, String> fields) { return List.of(); }
        };
    }

    @Test
    void theShippedFileHasTwentyEntriesEachOfSeveralMattersAndAllPlaceholders() {
        List<OneThingCatalog.Entry> entries = OneThingCatalog.read(OneThingCatalog.class.getResourceAsStream(OneThingCatalog.RESOURCE));
        assertEquals(20, entries.size());
        assertEquals(20, entries.stream().map(OneThingCatalog.Entry::code).distinct().count());
        assertTrue(entries.stream().allMatch(e -> e.matters().size() >= 2));
        assertTrue(entries.stream().allMatch(OneThingCatalog.Entry::placeholder), "the plan names none of its 20 bundles");
        assertTrue(entries.stream().allMatch(e -> e.matters().stream().map(m -> m.substring(0, 3)).distinct().count() >= 2),
                "each combines several departments");
    }

    @Test
    void anEntryNamesItsDepartmentsAsksSharedMaterialsOnceAndCountsItsSlots() {
        OneThingCatalog things = new OneThingCatalog(catalog(matter("A15-001", false, "申请人身份证明", "存量房买卖合同"),
                matter("A20-001", true, "申请人身份证明", "申请表"), matter("A28-001", true, "申请表")),
                List.of(new OneThingCatalog.Entry("OT02", "二手房", "", List.of("A15-001", "A20-001", "A28-001"), true, "n"),
                        new OneThingCatalog.Entry("OT03", "缺事项", "", List.of("A15-001", "A99-001"), false, "")));
        OneThing t = things.oneThing("ot02").orElseThrow();
        assertEquals(List.of("A15", "A20", "A28"), t.departmentIds());
        assertEquals(List.of("申请人身份证明", "申请表"), t.sharedMaterials());
        assertTrue(t.available());
        assertEquals(2, t.slotParts());
        assertFalse(things.oneThing("OT03").orElseThrow().available(), "a matter not offered leaves the entry unavailable");
        assertEquals(2, things.oneThings().size());
    }
}
