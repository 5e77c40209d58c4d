package org.onedoor.api.staff;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.onedoor.api.session.HallPrincipal;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The hall's staff registry (R15, R16): dispatch and withdrawal forms filed by a unit's department
 * users for their own unit, in effect only once the hall's admin or supervisor approves (two
 * sign-offs by two users, each in the audit trail); one staff numbering for the whole hall; a section
 * chief or chief representative is not withdrawn or replaced within two years of dispatch unless the
 * hall's approval records its agreement; pre-job trainings recorded by the hall.
 *
 * <p>Every method blocks on the hall database; call it off the event loop. Refusals are
 * {@link StaffException}s. Each change writes its audit record in its own transaction, as does each
 * refused change. {@code origin} says where from, e.g. {@code node:<id>} or {@code console}.
 */
@ProviderType
public interface StaffRegistry {

    /** @return the staff records of a unit, or of every unit when empty; newest first */
    List<StaffMember> members(Optional<String> unitId);

    /** @return the record */
    Optional<StaffMember> member(long id);

    /** @return the user's record that is pending or active, else its latest record */
    Optional<StaffMember> memberOfUser(String userName);

    /** The unit's sign-off on a dispatch: a pending record and a form awaiting the hall. */
    DispatchForm fileDispatch(DispatchRequest request, HallPrincipal actor, String origin);

    /** The unit's sign-off on the withdrawal of one of its active staff. */
    DispatchForm fileWithdrawal(long staffId, String reason, HallPrincipal actor, String origin);

    /**
     * The hall's sign-off: the form takes effect. A dispatch issues the next staff number; a dispatch
     * to a section chief's or chief representative's post of the unit replaces its holder.
     *
     * @param agreement the hall's recorded agreement (e.g. its document number), required when a locked post's holder
     *                  leaves within two years of dispatch, else ignored
     */
    DispatchForm approve(long formId, Optional<String> agreement, HallPrincipal actor, String origin);

    /** The hall refuses the form; a refused dispatch leaves the record REJECTED. */
    DispatchForm reject(long formId, String reason, HallPrincipal actor, String origin);

    /** @return the forms in that state (every state when empty) of a unit (every unit when empty), newest first */
    List<DispatchForm> forms(Optional<FormState> state, Optional<String> unitId);

    /** @return the form */
    Optional<DispatchForm> form(long id);

    /** The hall records a pre-job training of a pending or active staff member. */
    Training recordTraining(long staffId, String course, LocalDate trainedOn, TrainingResult result, HallPrincipal actor, String origin);

    /** @return the member's trainings, newest first */
    List<Training> trainings(long staffId);

    /** Keeps a JPEG or PNG photo (at most 512 KB) for the member's name plate; by the hall or the member's unit. */
    StaffMember setPhoto(long staffId, byte[] image, HallPrincipal actor, String origin);

    /** @return the member's photo bytes (JPEG or PNG) */
    Optional<byte[]> photo(long staffId);
}
