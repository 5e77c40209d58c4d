package org.onedoor.api.cases;

import java.util.List;

/**
 * One reason a citizen may pick for a rating (评价选项), offered for some levels only: praise for
 * the good levels, shortcomings for 基本满意, the bad-rating contents for 不满意 and 非常不满意.
 *
 * @param code   stable code stored with the rating ({@code G01}, {@code B04} …)
 * @param levels the levels it is offered for
 * @param zh     the reason in Simplified Chinese
 * @param en     the reason in English
 * @param needsText whether choosing it requires the citizen's own words (其他)
 */
public record RatingReason(String code, List<RatingLevel> levels, String zh, String en, boolean needsText) {

    public RatingReason {
        levels = List.copyOf(levels);
    }

    /** @return whether the reason is offered for that level */
    public boolean offeredFor(RatingLevel level) {
        return levels.contains(level);
    }
}
