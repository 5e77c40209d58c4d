package org.onedoor.core.internal.matter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.onedoor.api.hall.Department;
import org.onedoor.api.matter.Matter;
import org.onedoor.core.internal.department.HallDepartments;

/**
 * The catalogs the distribution ships (the hall catalog bundle and the department plug-ins) give
 * every unit exactly its entering matter count from the hall's plan, 1,224 in all, of which the
 * 1,172 numbered slots say that they are slots and claim no one-trip or immediate handling.
 */
class ShippedCatalogTest {

    static final Path BUNDLES = Path.of("../../bundles");
    static final Path HALL_DATA = Path.of("../../../shared/hall-data/departments.json");

    @Test
    void everyUnitOffersItsEnteringCount() throws Exception {
        HallDepartments units = new HallDepartments();
        Map<String, Integer> expected = new TreeMap<>();
        for (Department d : units.departments()) {
            expected.put(d.id(), d.enteringMatters());
        }
        if (Files.exists(HALL_DATA)) {
            try (InputStream in = Files.newInputStream(HALL_DATA)) {
                Map<String, Integer> plan = new TreeMap<>();
                HallDepartments.read(in).forEach((id, d) -> plan.put(id, d.enteringMatters()));
                assertEquals(plan, expected, "the node's copy of the unit list matches the hall data");
            }
        }

        CatalogState state = new CatalogState();
        int slots = 0;
        for (String bundle : List.of("org.onedoor.catalog.hall", "org.onedoor.dept.a15", "org.onedoor.dept.a17", "org.onedoor.dept.a26")) {
            Path file = BUNDLES.resolve(bundle).resolve("src/main/resources/onedoor/matters.json");
            try (InputStream in = Files.newInputStream(file)) {
                List<Matter> matters = CatalogFileCodec.read(in, bundle,
                        unit -> units.department(unit).map(Department::zoneId).orElse(null));
                for (Matter m : matters) {
                    if (m.nameZh().contains("（目录第")) {
                        assertEquals(true, m.slot(), m.code() + " is a numbered slot and must say so");
                        assertEquals(List.of(false, false, false, m.statutoryDays()),
                                List.of(m.immediate(), m.online(), m.atMostOneTrip(), m.committedDays()),
                                m.code() + ": a slot claims no speed-up, no visit-free or one-trip handling");
                    }
                    slots += m.slot() ? 1 : 0;
                }
                Set<String> speaksFor = new java.util.HashSet<>();
                matters.forEach(m -> speaksFor.add(m.departmentId()));
                assertEquals(true, state.offer(bundle, bundle, speaksFor, matters).accepted(), bundle);
            }
        }
        Map<String, Integer> offered = new TreeMap<>(state.counts());
        expected.values().removeIf(n -> n == 0);
        assertEquals(expected, offered);
        assertEquals(1224, offered.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(1172, slots, "numbered slots shipped (README states the count)");
    }
}
