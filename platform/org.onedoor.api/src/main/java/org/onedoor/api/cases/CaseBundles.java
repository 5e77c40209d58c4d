package org.onedoor.api.cases;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * "One thing, one go" (R11): several matters accepted as one application; offered by the core.
 * Blocking, like {@link HallCases}; refusals are {@link CaseException}s.
 */
@ProviderType
public interface CaseBundles {

    /**
     * Accepts every part or none: a part whose main material is missing refuses the whole bundle,
     * naming the matter and the material.
     */
    AcceptedBundle acceptBundle(BundleRequest request, CaseActor actor);

    /** @return the bundle with its parts, if it exists */
    Optional<CaseBundle> bundle(String number);

    /**
     * Delivers the bundle's results once; CONFLICT {@code bundle-not-ready} while any part's result
     * is not ready, naming the parts. By pickup locker, one deposit (reference: the bundle number)
     * holds every part's result and every part gets its pickup code, as {@link HallCases#deliver}.
     */
    CaseBundle deliverBundle(String number, Delivery delivery, CaseActor actor);

    /** The citizen's look-up of a bundle by number and check code. */
    Optional<CaseBundle> lookupBundle(String number, String checkCode);
}
