package org.onedoor.api.staff;

/**
 * What a window's screen and the public views show of the person at a window: the hall staff number
 * and the name plate, never the login name (R15).
 *
 * @param staffNumber the hall staff number, e.g. {@code ZW00017}
 * @param realName    the real name on the plate
 * @param post        the post
 * @param unitId      the unit
 */
public record NamePlate(String staffNumber, String realName, Post post, String unitId) {
}
