package org.onedoor.core.internal.matter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onedoor.api.hall.Department;
import org.onedoor.api.matter.Matter;
import org.onedoor.core.internal.department.HallDepartments;

/** The shipped sample spreadsheet loads, holds what its generator writes, and replaces A01's slots. */
class SampleCatalogTest {

    static final Path ROOT = Path.of("../..");

    @Test
    void theShippedSampleLoadsAndMatchesItsGenerator() throws Exception {
        if (Boolean.getBoolean("sample.write")) {
            SampleCatalogWorkbook.write(ROOT);
        }
        HallDepartments units = new HallDepartments();
        List<Matter> shipped = XlsxCatalogReader.read(Files.readAllBytes(ROOT.resolve(SampleCatalogWorkbook.FILE)),
                "sample", unit -> units.department(unit).map(Department::zoneId).orElse(null));
        List<Matter> generated = XlsxCatalogReader.read(SampleCatalogWorkbook.bytes(), "sample",
                unit -> units.department(unit).map(Department::zoneId).orElse(null));
        assertEquals(generated, shipped, "the committed sample is what SampleCatalogWorkbook writes (rewrite with -Dsample.write=true)");
        assertEquals(List.of("A01-001", "A01-002", "A01-003"), shipped.stream().map(Matter::code).toList());
        for (Matter m : shipped) {
            assertEquals("enterprise", m.zoneId());
            assertFalse(m.slot());
            assertFalse(m.elements().legalBasis().isEmpty(), m.code() + " cites its legal basis");
            assertTrue(m.committedDays() <= m.statutoryDays());
        }
        assertEquals(3, shipped.get(0).statutoryDays(), "条例第十九条: 3 working days");
    }
}
