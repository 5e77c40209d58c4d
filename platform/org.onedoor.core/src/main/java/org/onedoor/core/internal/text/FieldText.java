package org.onedoor.core.internal.text;

import java.util.regex.Pattern;
import org.onedoor.api.cases.CaseException;

/**
 * The core's one check of a free-text field a person typed (a complaint, a reply, a reason):
 * stripped, present, at most so many characters (code points), no control characters or broken
 * surrogates. A refusal names the field, in Chinese with English beside.
 */
public final class FieldText {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\p{Cs}]");

    private FieldText() {
    }

    /** @return the text stripped; refused (INVALID, naming the field) when blank, too long or with control characters */
    public static String required(String field, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw invalid("missing-" + field, field, field + ": 不能为空 (" + field + " is required)");
        }
        if (v.codePointCount(0, v.length()) > max) {
            throw invalid("invalid-" + field, field, field + ": 最多 " + max + " 个字 (at most " + max + " characters)");
        }
        if (CONTROL.matcher(v).find()) {
            throw invalid("invalid-" + field, field, field + ": 含有无效字符 (contains control characters or broken surrogates)");
        }
        return v;
    }

    /** @return a refusal of one field */
    public static CaseException invalid(String code, String field, String message) {
        return new CaseException(CaseException.Reason.INVALID, code, message, field);
    }
}
