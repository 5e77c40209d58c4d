package org.onedoor.api.text;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A name people read, in Simplified Chinese first and English beside it: the one shape of the labels of the
 * platform's enums (states, kinds, posts, channels, levels …). Pages and documents show {@link #chinese()};
 * the English pages and the English half of a notice show {@link #english()}.
 */
@ConsumerType
public interface Bilingual {

    /** @return the name in Simplified Chinese */
    String chinese();

    /** @return the name in English */
    String english();
}
