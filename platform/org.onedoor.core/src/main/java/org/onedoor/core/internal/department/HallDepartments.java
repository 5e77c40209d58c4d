package org.onedoor.core.internal.department;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.hall.Department;
import org.onedoor.api.hall.EntryMode;
import org.onedoor.api.hall.UnitKind;
import org.osgi.service.component.annotations.Component;

/** The hall's units, read once from the bundled copy of the hall's unit list ({@value #RESOURCE}). */
@Component(service = DepartmentDirectory.class)
public final class HallDepartments implements DepartmentDirectory {

    static final String RESOURCE = "/hall/departments.json";

    private final Map<String, Department> byId;

    public HallDepartments() {
        try (InputStream in = HallDepartments.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the core bundle has no " + RESOURCE);
            }
            this.byId = Collections.unmodifiableMap(read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Reads a unit list in the hall data format (departments.json). */
    public static Map<String, Department> read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        Map<String, Department> units = new LinkedHashMap<>();
        for (JsonNode d : root.path("departments")) {
            Department unit = new Department(d.path("id").asText(), d.path("name_zh").asText(), d.path("name_en").asText(),
                    UnitKind.valueOf(d.path("kind").asText().toUpperCase(Locale.ROOT).replace('-', '_')),
                    d.path("entry_mode").asText().equals("matters-only") ? EntryMode.MATTERS_ONLY : EntryMode.STAFF_AND_MATTERS,
                    d.path("zone").asText(), d.path("published_matters").asInt(), d.path("entering_matters").asInt(),
                    d.path("note_zh").asText());
            units.put(unit.id(), unit);
        }
        return units;
    }

    @Override
    public List<Department> departments() {
        return new ArrayList<>(byId.values());
    }

    @Override
    public Optional<Department> department(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
