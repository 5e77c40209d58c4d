package org.onedoor.api.hall;

/** What sort of unit a department is. */
public enum UnitKind {
    /** A government department (e.g. the Public Security Bureau). */
    DEPARTMENT,
    /** A public service unit (water, power, gas, bus company, ...). */
    PUBLIC_SERVICE_UNIT
}
