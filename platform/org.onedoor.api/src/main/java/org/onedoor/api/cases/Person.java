package org.onedoor.api.cases;

import org.onedoor.api.citizen.IdentityDocument;

/**
 * A natural person on a case: a natural-person applicant, a legal person's legal representative or an agent.
 *
 * @param name     the name as on the document, 1 to 64 characters
 * @param document the identity document shown, validated per kind
 */
public record Person(String name, IdentityDocument document) {

    public Person {
        if (name == null || name.isBlank() || name.strip().length() > 64) {
            throw new IllegalArgumentException("姓名不能为空（最多64个字符） / the name is required, at most 64 characters");
        }
        if (document == null) {
            throw new IllegalArgumentException("缺少身份证件 / the identity document is missing");
        }
        name = name.strip();
    }
}
