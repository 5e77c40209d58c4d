package org.onedoor.dept.a26.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onedoor.api.matter.ApplicationProblem;
import org.onedoor.api.matter.MatterValidator;
import org.osgi.service.component.annotations.Component;

/**
 * The Housing Provident Fund Center's checks of withdrawals: a personal account number of 10 to
 * 20 digits, and for rent a monthly rent within the center's monthly limit.
 */
@Component(service = MatterValidator.class)
public final class ProvidentFundApplicationRules implements MatterValidator {

    static final String RENT = "A26-002";
    /** Highest monthly withdrawal for rent, in yuan. */
    static final BigDecimal RENT_LIMIT = new BigDecimal("1500");

    @Override
    public Set<String> matterCodes() {
        return Set.of("A26-001", RENT, "A26-003", "A26-004", "A26-005");
    }

    @Override
    public List<String> validate(String matterCode, Map<String, String> fields) {
        return check(matterCode, fields).stream().map(ApplicationProblem::message).toList();
    }

    @Override
    public List<ApplicationProblem> check(String matterCode, Map<String, String> fields) {
        List<ApplicationProblem> problems = new ArrayList<>();
        if (!fields.getOrDefault("accountNumber", "").matches("\\d{10,20}")) {
            problems.add(new ApplicationProblem("accountNumber", "住房公积金个人账号应为10至20位数字"));
        }
        if (RENT.equals(matterCode)) {
            try {
                BigDecimal rent = new BigDecimal(fields.getOrDefault("monthlyRent", ""));
                if (rent.signum() <= 0 || rent.compareTo(RENT_LIMIT) > 0) {
                    problems.add(new ApplicationProblem("monthlyRent", "租房提取的月租金应大于0且不超过" + RENT_LIMIT + "元"));
                }
            } catch (NumberFormatException e) {
                problems.add(new ApplicationProblem("monthlyRent", "请填写月租金（元）"));
            }
        }
        return problems;
    }
}
