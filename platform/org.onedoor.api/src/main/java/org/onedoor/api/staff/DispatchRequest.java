package org.onedoor.api.staff;

/**
 * What a unit writes on a dispatch form.
 *
 * @param realName the person's real name
 * @param unitId   the unit dispatching the person (the filer's own)
 * @param post     the post
 * @param userName the existing hall user the person signs in with
 * @param reason   why (e.g. a new window post), as the unit writes it
 */
public record DispatchRequest(String realName, String unitId, Post post, String userName, String reason) {
}
