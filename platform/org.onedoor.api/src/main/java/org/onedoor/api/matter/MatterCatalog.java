package org.onedoor.api.matter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The matters currently offered by the hall, gathered from every accepted {@link MatterSource};
 * offered by the core. Thread-safe, answers from memory.
 */
@ProviderType
public interface MatterCatalog {

    /** @return the matching matters, ordered by code */
    List<Matter> matters(MatterQuery query);

    /**
     * @param code a matter code
     * @return the matter, if some source offers it now
     */
    Optional<Matter> matter(String code);

    /** @return how many matters each department offers now, by department id */
    Map<String, Integer> countsByDepartment();

    /**
     * Runs the owning department's validators on an application.
     *
     * @param code   the matter applied for
     * @param fields the application's fields
     * @return the problems found; empty when none (or when the department has no validator)
     * @throws IllegalArgumentException if no such matter is offered
     */
    List<String> validate(String code, Map<String, String> fields);

    /**
     * Runs the owning department's validators on an application, each problem naming its field
     * ({@link MatterValidator#check}); the one check behind both the check route and the acceptance of
     * a case (since 1.2).
     *
     * @throws IllegalArgumentException if no such matter is offered
     */
    default List<ApplicationProblem> check(String code, Map<String, String> fields) {
        return validate(code, fields).stream().map(m -> new ApplicationProblem("", m)).toList();
    }
}
