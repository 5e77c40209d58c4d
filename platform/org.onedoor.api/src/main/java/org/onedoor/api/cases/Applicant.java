package org.onedoor.api.cases;

import org.onedoor.api.citizen.ResidentIdNumber;

/**
 * Who applies.
 *
 * @param name     the applicant's name
 * @param idNumber the resident identity number, validated
 */
public record Applicant(String name, ResidentIdNumber idNumber) {

    public Applicant {
        if (name == null || name.isBlank() || name.length() > 64) {
            throw new IllegalArgumentException("申请人姓名不能为空（最多64个字符）");
        }
        if (idNumber == null) {
            throw new IllegalArgumentException("申请人身份证号码不能为空");
        }
        name = name.strip();
    }
}
