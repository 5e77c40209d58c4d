package org.onedoor.api.cases;

import org.onedoor.api.text.Bilingual;

/** What a complaint is about; {@link #SLOW} complaints count toward a unit's conversion (R5). */
public enum ComplaintKind implements Bilingual {
    /** The matter took too long, or the unit's officer came late (R4, R5). */
    SLOW("办事拖延", "slow handling"),
    /** The staff's attitude or conduct. */
    ATTITUDE("服务态度", "attitude"),
    /** A fee charged against the rules (R12: irregular fees). */
    FEES("违规收费", "irregular fees"),
    /** The same matter handled by different standards (R8, R12). */
    STANDARDS("标准不一", "inconsistent standards"),
    /** A wrong result (R12). */
    WRONG_RESULT("结果错误", "wrong result"),
    /** Asked to come again, or for materials not on the list. */
    EXTRA_VISITS("多次跑腿", "extra visits or materials"),
    /** The hall's premises, devices or signs. */
    FACILITIES("环境设施", "premises and devices"),
    /** Anything else. */
    OTHER("其他", "other");

    private final String chinese;
    private final String english;

    ComplaintKind(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    /** @return the kind's name in Chinese */
    @Override
    public String chinese() {
        return chinese;
    }

    /** @return the kind's name in English */
    @Override
    public String english() {
        return english;
    }
}
