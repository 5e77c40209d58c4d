package org.onedoor.api.cases;

import java.util.Locale;
import java.util.Optional;
import org.onedoor.api.text.Bilingual;

/**
 * The five levels of the national good/bad evaluation (政务服务"好差评", GB/T 39734-2020), each
 * with the 1..5 score the hall used before ({@code 5} 非常满意 … {@code 1} 非常不满意), by which
 * older ratings were migrated and summaries are averaged.
 */
public enum RatingLevel implements Bilingual {
    VERY_SATISFIED(5, "非常满意", "Very satisfied"),
    SATISFIED(4, "满意", "Satisfied"),
    BASICALLY_SATISFIED(3, "基本满意", "Basically satisfied"),
    DISSATISFIED(2, "不满意", "Dissatisfied"),
    VERY_DISSATISFIED(1, "非常不满意", "Very dissatisfied");

    private final int score;
    private final String zh;
    private final String en;

    RatingLevel(int score, String zh, String en) {
        this.score = score;
        this.zh = zh;
        this.en = en;
    }

    /** @return the score, 5 (非常满意) to 1 (非常不满意) */
    public int score() {
        return score;
    }

    @Override
    public String chinese() {
        return zh;
    }

    /** @deprecated since the label shape {@link Bilingual}: use {@link #chinese()} */
    @Deprecated
    public String zh() {
        return zh;
    }

    @Override
    public String english() {
        return en;
    }

    /** @deprecated since the label shape {@link Bilingual}: use {@link #english()} */
    @Deprecated
    public String en() {
        return en;
    }

    /** @return whether this is a bad rating (差评: 不满意 or 非常不满意), which opens a follow-up */
    public boolean bad() {
        return score <= 2;
    }

    /** @return the level of a score 1..5, empty for any other */
    public static Optional<RatingLevel> ofScore(int score) {
        for (RatingLevel l : values()) {
            if (l.score == score) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /**
     * @param text the level's name ({@code VERY_SATISFIED}, any case), its Chinese name ({@code 非常满意}) or its score ({@code 5})
     * @return the level, empty when the text names none
     */
    public static Optional<RatingLevel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (RatingLevel l : values()) {
            if (l.name().equals(t.toUpperCase(Locale.ROOT)) || l.zh.equals(t) || String.valueOf(l.score).equals(t)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
