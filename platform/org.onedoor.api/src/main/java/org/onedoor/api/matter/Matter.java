package org.onedoor.api.matter;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An approval or service matter of one department.
 *
 * @param code          catalogue code, unique in the hall: the department id, a hyphen, digits
 *                      (e.g. {@code A17-001})
 * @param nameZh        Chinese name
 * @param nameEn        English name, empty when none
 * @param departmentId  the owning unit
 * @param zoneId        the acceptance area that receives it
 * @param type          the legal kind
 * @param materials     what the applicant hands in
 * @param statutoryDays the time limit set by law, in working days
 * @param committedDays the time limit the hall commits to, in working days (0 for immediate matters)
 * @param immediate     finished on the spot (即办件)
 * @param online        can be applied for without a visit (不见面审批)
 * @param atMostOneTrip needs at most one trip to the hall (最多跑一次)
 * @param fee           fee in yuan, zero when free
 * @param specialSteps  legal steps before the decision (none: sign-off at the window is possible)
 * @param revision      identifies this version of the matter (source and content), so a case can
 *                      keep the version it was opened under
 * @param elements      the national basic catalog's elements (R8) the source states
 * @param slot          a numbered catalog slot that stands for a matter the unit has not published
 *                      yet: its name, materials and days are placeholders, and it is never
 *                      immediate, no-visit or at-most-one-trip
 * @param livelihood    a livelihood matter (民生事项) of the 365 holiday service (R14): it can be booked for a
 *                      public holiday the hall serves, at least 3 working days before it
 */
public record Matter(String code, String nameZh, String nameEn, String departmentId, String zoneId, MatterType type,
        List<Material> materials, int statutoryDays, int committedDays, boolean immediate, boolean online,
        boolean atMostOneTrip, BigDecimal fee, Set<SpecialStep> specialSteps, String revision, MatterElements elements,
        boolean slot, boolean livelihood) {

    public Matter {
        if (code == null || !code.matches("[A-Z][0-9]{2}-[0-9]{3,4}")) {
            throw new IllegalArgumentException("matter code must look like A17-001, was '" + code + "'");
        }
        if (departmentId == null || !code.startsWith(departmentId + "-")) {
            throw new IllegalArgumentException("matter " + code + " must start with its department id, was '" + departmentId + "'");
        }
        if (nameZh == null || nameZh.isBlank()) {
            throw new IllegalArgumentException("matter " + code + " needs a Chinese name");
        }
        if (zoneId == null || zoneId.isBlank()) {
            throw new IllegalArgumentException("matter " + code + " needs a zone");
        }
        if (type == null) {
            throw new IllegalArgumentException("matter " + code + " needs a type");
        }
        if (statutoryDays < 0 || committedDays < 0 || committedDays > statutoryDays) {
            throw new IllegalArgumentException("matter " + code + ": committed days (" + committedDays
                    + ") must be between 0 and the statutory days (" + statutoryDays + ")");
        }
        if (immediate && committedDays != 0) {
            throw new IllegalArgumentException("matter " + code + " is immediate, so its committed days must be 0");
        }
        if (fee == null || fee.signum() < 0) {
            throw new IllegalArgumentException("matter " + code + ": fee must be zero or more");
        }
        nameEn = nameEn == null ? "" : nameEn;
        materials = List.copyOf(materials);
        specialSteps = specialSteps == null || specialSteps.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(specialSteps));
        revision = revision == null ? "" : revision;
        elements = elements == null ? MatterElements.NONE : elements;
        if (slot && (immediate || online || atMostOneTrip)) {
            throw new IllegalArgumentException("matter " + code + " is a catalog slot, so it cannot be immediate, online or at-most-one-trip");
        }
    }

    /** A matter that is no livelihood matter of the 365 holiday service (the form before R14 was part of the model). */
    public Matter(String code, String nameZh, String nameEn, String departmentId, String zoneId, MatterType type,
            List<Material> materials, int statutoryDays, int committedDays, boolean immediate, boolean online,
            boolean atMostOneTrip, BigDecimal fee, Set<SpecialStep> specialSteps, String revision, MatterElements elements,
            boolean slot) {
        this(code, nameZh, nameEn, departmentId, zoneId, type, materials, statutoryDays, committedDays, immediate, online,
                atMostOneTrip, fee, specialSteps, revision, elements, slot, false);
    }

    /** A matter without catalog elements that is not a slot (the form before R8 elements were part of the model). */
    public Matter(String code, String nameZh, String nameEn, String departmentId, String zoneId, MatterType type,
            List<Material> materials, int statutoryDays, int committedDays, boolean immediate, boolean online,
            boolean atMostOneTrip, BigDecimal fee, Set<SpecialStep> specialSteps, String revision) {
        this(code, nameZh, nameEn, departmentId, zoneId, type, materials, statutoryDays, committedDays, immediate, online,
                atMostOneTrip, fee, specialSteps, revision, MatterElements.NONE, false);
    }

    /** @return true when the matter needs no special step, so authorized window staff may sign it off (R6) */
    public boolean windowSignOffAllowed() {
        return specialSteps.isEmpty();
    }

    /** @return the same matter with another revision */
    public Matter withRevision(String newRevision) {
        return new Matter(code, nameZh, nameEn, departmentId, zoneId, type, materials, statutoryDays, committedDays,
                immediate, online, atMostOneTrip, fee, specialSteps, newRevision, elements, slot, livelihood);
    }
}
