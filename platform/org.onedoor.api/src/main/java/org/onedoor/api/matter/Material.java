package org.onedoor.api.matter;

/**
 * A material an applicant hands in for a matter.
 *
 * @param name   what the material is, in Chinese (e.g. {@code 居民身份证})
 * @param kind   main or tolerable
 * @param noteZh how it is to be given (original, copy, count), empty when nothing special
 */
public record Material(String name, MaterialKind kind, String noteZh) {

    public Material {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a material needs a name");
        }
        if (kind == null) {
            throw new IllegalArgumentException("material '" + name + "' needs a kind (MAIN or TOLERABLE)");
        }
        noteZh = noteZh == null ? "" : noteZh;
    }
}
