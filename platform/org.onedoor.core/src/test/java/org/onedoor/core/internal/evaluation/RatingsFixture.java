package org.onedoor.core.internal.evaluation;

import java.lang.annotation.Annotation;

/** The follow-up configuration for tests of other packages. */
public final class RatingsFixture {

    private RatingsFixture() {
    }

    public static RatingsConfig config(int workingDays, double yellowShare) {
        return config(workingDays, yellowShare, 7);
    }

    public static RatingsConfig config(int workingDays, double yellowShare, int changeDays) {
        return new RatingsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RatingsConfig.class;
            }

            @Override
            public int followUpWorkingDays() {
                return workingDays;
            }

            @Override
            public double yellowShare() {
                return yellowShare;
            }

            @Override
            public int changeDays() {
                return changeDays;
            }
        };
    }
}
