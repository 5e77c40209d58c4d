package org.onedoor.api.cases;

import org.onedoor.api.matter.MaterialKind;

/**
 * A material of the case's matter and whether the applicant has handed it in.
 *
 * @param name     the material's name as the matter lists it
 * @param kind     main or tolerable
 * @param received true once handed in
 */
public record CaseMaterial(String name, MaterialKind kind, boolean received) {
}
