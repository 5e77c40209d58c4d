package org.onedoor.api.matter;

/**
 * One thing a department's rules find wrong with an application (since 1.2).
 *
 * @param field   the application field it is about (e.g. {@code unitNumber}), or empty when it is about the
 *                application as a whole
 * @param message what is wrong, one Chinese sentence
 */
public record ApplicationProblem(String field, String message) {

    public ApplicationProblem {
        field = field == null ? "" : field;
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("an application problem says what is wrong");
        }
    }
}
