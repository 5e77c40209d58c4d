package org.onedoor.dept.a17.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onedoor.api.citizen.ResidentIdNumber;
import org.onedoor.api.matter.ApplicationProblem;
import org.onedoor.api.matter.MatterValidator;
import org.osgi.service.component.annotations.Component;

/**
 * The Public Security Bureau's checks of applications: exit-entry documents need a valid
 * identity number and, for a minor under 16, the guardian's; vehicle registration needs a
 * well-formed vehicle identification number.
 */
@Component(service = MatterValidator.class)
public final class PoliceApplicationRules implements MatterValidator {

    static final Set<String> EXIT_ENTRY = Set.of("A17-001", "A17-002", "A17-003");
    static final String VEHICLE_REGISTRATION = "A17-012";

    @Override
    public Set<String> matterCodes() {
        return Set.of("A17-001", "A17-002", "A17-003", VEHICLE_REGISTRATION);
    }

    @Override
    public List<String> validate(String matterCode, Map<String, String> fields) {
        return check(matterCode, fields).stream().map(ApplicationProblem::message).toList();
    }

    @Override
    public List<ApplicationProblem> check(String matterCode, Map<String, String> fields) {
        List<ApplicationProblem> problems = new ArrayList<>();
        if (EXIT_ENTRY.contains(matterCode)) {
            String id = fields.getOrDefault("idNumber", "");
            ResidentIdNumber.problem(id).ifPresentOrElse(p -> problems.add(new ApplicationProblem("idNumber", p)), () -> {
                int age = Period.between(new ResidentIdNumber(id).birthDate(), today(fields)).getYears();
                if (age < 16 && ResidentIdNumber.problem(fields.getOrDefault("guardianIdNumber", "")).isPresent()) {
                    problems.add(new ApplicationProblem("guardianIdNumber", "申请人未满16周岁，须由监护人陪同并提供监护人有效身份证号码"));
                }
            });
        }
        if (VEHICLE_REGISTRATION.equals(matterCode)
                && !fields.getOrDefault("vin", "").matches("[A-HJ-NPR-Z0-9]{17}")) {
            problems.add(new ApplicationProblem("vin", "车辆识别代号（VIN）应为17位字母数字，且不含I、O、Q"));
        }
        return problems;
    }

    private static LocalDate today(Map<String, String> fields) {
        String on = fields.get("applicationDate");
        return on == null || on.isBlank() ? LocalDate.now() : LocalDate.parse(on);
    }
}
