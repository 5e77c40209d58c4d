package org.onedoor.api.matter;

/**
 * The elements of a matter in the national basic catalog of government services (R8) that the
 * hall's own model does not already carry: codes, legal basis, conditions, fee basis, visits and
 * online depth. Every text is empty when the source does not give it.
 *
 * @param basicCode          the basic code (基本编码) of the national basic catalog
 * @param implementationCode the implementation code (实施编码) of the unit that carries it out
 * @param legalBasis         the legal basis (设定依据)
 * @param conditions         the conditions of acceptance (受理条件)
 * @param feeBasis           the legal basis of the fee (收费依据)
 * @param siteVisits         how many times the applicant must come to the hall (到办事现场次数), {@value #NOT_STATED} when not stated
 * @param onlineDepth        online service depth (网办深度) 1-4 (一级…四级, 四级 = all online), {@value #NOT_STATED} when not stated
 */
public record MatterElements(String basicCode, String implementationCode, String legalBasis, String conditions,
        String feeBasis, int siteVisits, int onlineDepth) {

    /** Marks a number the source does not state. */
    public static final int NOT_STATED = -1;

    /** No element stated. */
    public static final MatterElements NONE = new MatterElements("", "", "", "", "", NOT_STATED, NOT_STATED);

    public MatterElements {
        basicCode = basicCode == null ? "" : basicCode.strip();
        implementationCode = implementationCode == null ? "" : implementationCode.strip();
        legalBasis = legalBasis == null ? "" : legalBasis.strip();
        conditions = conditions == null ? "" : conditions.strip();
        feeBasis = feeBasis == null ? "" : feeBasis.strip();
        if (siteVisits < NOT_STATED || siteVisits > 9) {
            throw new IllegalArgumentException("site visits must be 0-9, was " + siteVisits);
        }
        if (onlineDepth != NOT_STATED && (onlineDepth < 1 || onlineDepth > 4)) {
            throw new IllegalArgumentException("online depth must be 1-4 (一级…四级), was " + onlineDepth);
        }
    }

    /** @return true when no element is stated */
    public boolean isEmpty() {
        return equals(NONE);
    }
}
