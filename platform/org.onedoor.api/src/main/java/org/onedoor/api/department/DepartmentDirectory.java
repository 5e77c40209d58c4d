package org.onedoor.api.department;

import java.util.List;
import java.util.Optional;
import org.onedoor.api.hall.Department;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The hall's 49 units; offered by the core. Thread-safe, answers from memory.
 */
@ProviderType
public interface DepartmentDirectory {

    /** @return every unit, in catalogue order (A01…, then B01…) */
    List<Department> departments();

    /**
     * @param id a unit id such as {@code A17}
     * @return the unit, if the hall has it
     */
    Optional<Department> department(String id);
}
