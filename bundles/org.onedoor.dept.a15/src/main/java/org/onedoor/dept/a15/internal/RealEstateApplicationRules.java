package org.onedoor.dept.a15.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onedoor.api.citizen.ResidentIdNumber;
import org.onedoor.api.matter.ApplicationProblem;
import org.onedoor.api.matter.MatterValidator;
import org.osgi.service.component.annotations.Component;

/**
 * The Real Estate Registration Service Center's checks: a transfer names a well-formed
 * 28-character real estate unit number (不动产单元号) and valid identity numbers of both parties.
 */
@Component(service = MatterValidator.class)
public final class RealEstateApplicationRules implements MatterValidator {

    /** Area code (6), cadastral zone and parcel (6+2 letters+5), building mark F, building and unit (8). */
    static final String UNIT_NUMBER = "\\d{12}[A-Z]{2}\\d{5}[FLQW]\\d{8}";

    @Override
    public Set<String> matterCodes() {
        return Set.of("A15-001", "A15-002", "A15-013");
    }

    @Override
    public List<String> validate(String matterCode, Map<String, String> fields) {
        return check(matterCode, fields).stream().map(ApplicationProblem::message).toList();
    }

    @Override
    public List<ApplicationProblem> check(String matterCode, Map<String, String> fields) {
        List<ApplicationProblem> problems = new ArrayList<>();
        if (!fields.getOrDefault("unitNumber", "").matches(UNIT_NUMBER)) {
            problems.add(new ApplicationProblem("unitNumber",
                    "不动产单元号应为28位（6位行政区划+6位地籍区子区+2位宗地特征码+5位宗地顺序号+1位定着物特征码+8位定着物单元编号）"));
        }
        ResidentIdNumber.problem(fields.getOrDefault("transfereeIdNumber", ""))
                .ifPresent(p -> problems.add(new ApplicationProblem("transfereeIdNumber", "受让人：" + p)));
        if (!"A15-013".equals(matterCode)) {
            ResidentIdNumber.problem(fields.getOrDefault("transferorIdNumber", ""))
                    .ifPresent(p -> problems.add(new ApplicationProblem("transferorIdNumber", "转让人：" + p)));
        }
        return problems;
    }
}
