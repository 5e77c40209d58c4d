package org.onedoor.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.onedoor.web.ProblemException;

/** The strict JSON reading of request bodies, on its own. */
public class FieldsTest {

    private static ProblemException refused(String json) {
        return assertThrows(ProblemException.class, () -> Fields.parse(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void repeatedKeysAreNamedWhereverTheyAre() {
        Fields.FieldProblem p = (Fields.FieldProblem) refused("{\"applicant\": {\"name\": \"a\", \"name\": \"b\"}}");
        assertEquals("duplicate-key", p.code());
        assertEquals("applicant.name", p.field());
    }

    @Test
    void loneSurrogatesAreRefusedInKeysAndValues() {
        assertEquals("parts[1]", ((Fields.FieldProblem) refused("{\"parts\": [\"ok\", \"\\udc00\"]}")).field());
        assertEquals("k\ud800", ((Fields.FieldProblem) refused("{\"k\\ud800\": 1}")).field());
        assertEquals("\ud83d\ude00", Fields.parse("{\"e\": \"\\ud83d\\ude00\"}".getBytes(StandardCharsets.UTF_8)).getString("e"));
    }

    @Test
    void onlyOneObjectOfBoundedDepth() {
        assertEquals("malformed-json", refused("{} {}").code());
        assertEquals("malformed-json", refused("[1]").code());
        assertEquals("malformed-json", refused("\"text\"").code());
        assertEquals("malformed-json", refused("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}").code());
    }
}
