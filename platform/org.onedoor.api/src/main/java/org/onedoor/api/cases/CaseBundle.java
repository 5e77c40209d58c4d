package org.onedoor.api.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A "one thing" bundle (R11): one application, its parts approved in parallel by their
 * departments, delivered once when every part is done.
 *
 * @param number            the bundle number, e.g. {@code YJS-20261127-0001}
 * @param nameZh            what the one thing is
 * @param applicantName     the applicant's name
 * @param applicantIdMasked the applicant's identity number, masked
 * @param state             derived from the parts
 * @param parts             the parts' cases, in the order applied for
 * @param acceptedBy        the accepting clerk
 * @param acceptedAt        when
 * @param deliveredAt       when delivered, if delivered
 */
public record CaseBundle(String number, String nameZh, String applicantName, String applicantIdMasked, BundleState state,
        List<HallCase> parts, String acceptedBy, Instant acceptedAt, Optional<Instant> deliveredAt) {

    public CaseBundle {
        parts = List.copyOf(parts);
    }
}
