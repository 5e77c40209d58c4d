package org.onedoor.api.matter;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A department's own checks of an application for some of its matters; registered as a
 * whiteboard service by the department's plug-in (same ownership rule as {@link MatterSource}).
 *
 * <p>Called from worker threads; must not block for long.
 */
@ConsumerType
public interface MatterValidator {

    /** @return the codes of the matters this validator checks */
    Set<String> matterCodes();

    /**
     * @param matterCode the matter applied for, one of {@link #matterCodes()}
     * @param fields     the application's fields by name (e.g. {@code birthDate}, {@code unitNumber})
     * @return what is wrong, one Chinese sentence each; empty when the application passes
     */
    List<String> validate(String matterCode, Map<String, String> fields);

    /**
     * The same checks, each problem naming the field it is about, so that a refusal at acceptance can name
     * it. The default names no field; a validator that knows its fields overrides this (since 1.2).
     *
     * @return what is wrong; empty when the application passes
     */
    default List<ApplicationProblem> check(String matterCode, Map<String, String> fields) {
        return validate(matterCode, fields).stream().map(m -> new ApplicationProblem("", m)).toList();
    }
}
