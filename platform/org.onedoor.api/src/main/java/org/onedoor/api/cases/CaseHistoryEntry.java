package org.onedoor.api.cases;

import java.time.Instant;

/**
 * One step in a case's own trace (R12); the same facts also go to the hall's audit trail.
 *
 * @param at     when
 * @param actor  who
 * @param origin where from ({@code window:97}, {@code node:…}, {@code console}, {@code citizen})
 * @param action what, kebab-case (e.g. {@code case-accept}, {@code case-decide})
 * @param state  the state after it
 * @param detail a short description without unmasked citizen data
 */
public record CaseHistoryEntry(Instant at, String actor, String origin, String action, CaseState state, String detail) {
}
