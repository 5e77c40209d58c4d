package org.onedoor.core.internal.cases;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.onedoor.api.cases.Agent;
import org.onedoor.api.cases.Applicant;
import org.onedoor.api.cases.CaseApplicant;
import org.onedoor.api.cases.Person;
import org.onedoor.api.citizen.IdentityDocument;
import org.onedoor.api.citizen.UnifiedSocialCreditCode;

/**
 * The applicant's identifier columns and the other people on a case (table {@code case_party}): a legal
 * person's legal representative and the agent acting under a power of attorney. Numbers are stored
 * whole and only ever handed out masked ({@link CaseApplicant}).
 */
final class CaseParties {

    static final String REPRESENTATIVE = "LEGAL_REPRESENTATIVE";
    static final String AGENT = "AGENT";

    /** One stored party of a case. */
    record Party(String role, String name, String idKind, String idNumber, String nationality, String phone, String powerOfAttorney,
            Optional<LocalDate> signedOn) {
    }

    private CaseParties() {
    }

    /** @return the kind of the applicant's identifier: its document's kind, or {@code USCC} */
    static String idKind(Applicant a) {
        return a.document().map(d -> d.kind().name()).orElse(CaseApplicant.USCC);
    }

    /** @return the applicant's nationality (passports, permanent residence cards), else empty */
    static String nationality(Applicant a) {
        return a.document().map(IdentityDocument::nationality).orElse("");
    }

    /** A stored party of a case, with the case's number. */
    static final RowMapper<Map.Entry<String, Party>> PARTY_ROW = (rs, ctx) -> Map.entry(rs.getString("case_no"), new Party(rs.getString("role"),
            rs.getString("name"), rs.getString("id_kind"), rs.getString("id_number"), rs.getString("nationality"), rs.getString("phone"),
            rs.getString("power_of_attorney"), Optional.ofNullable(rs.getDate("attorney_signed")).map(Date::toLocalDate)));

    /** Stores the legal representative and the agent of an applicant, those it has. */
    static void insert(Handle h, String number, Applicant a) {
        if (a.legalRepresentative().isEmpty() && a.agent().isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO case_party (case_no, role, name, id_kind, id_number, nationality, phone, "
                + "power_of_attorney, attorney_signed) VALUES (:case, :role, :name, :idKind, :idNumber, :nationality, :phone, :attorney, :signed)");
        if (a.legalRepresentative().isPresent()) {
            bind(batch, number, REPRESENTATIVE, a.legalRepresentative().get(), "", "", null).add();
        }
        if (a.agent().isPresent()) {
            Agent agent = a.agent().get();
            bind(batch, number, AGENT, agent.person(), agent.phone(), agent.powerOfAttorney(), Date.valueOf(agent.signedOn())).add();
        }
        batch.execute();
    }

    private static PreparedBatch bind(PreparedBatch batch, String number, String role, Person p, String phone, String attorney, Date signed) {
        return batch.bind("case", number).bind("role", role).bind("name", p.name()).bind("idKind", p.document().kind().name())
                .bind("idNumber", p.document().number()).bind("nationality", p.document().nationality()).bind("phone", phone)
                .bind("attorney", attorney).bind("signed", signed);
    }

    /** @return the parties of the cases, by case number; one query for all */
    static Map<String, List<Party>> of(Handle h, List<String> numbers) {
        Map<String, List<Party>> out = new HashMap<>();
        if (numbers.isEmpty()) {
            return out;
        }
        h.createQuery("SELECT case_no, role, name, id_kind, id_number, nationality, phone, power_of_attorney, attorney_signed "
                + "FROM case_party WHERE case_no IN (<numbers>) ORDER BY case_no, role").bindList("numbers", numbers).map(PARTY_ROW)
                .forEach(e -> out.computeIfAbsent(e.getKey(), n -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    /** @return the applicant as stored on the case row, with its parties added, every identifier masked */
    static CaseApplicant withParties(CaseApplicant base, List<Party> parties) {
        CaseApplicant a = base;
        for (Party p : parties) {
            String masked = mask(p.idKind(), p.idNumber(), p.nationality());
            if (REPRESENTATIVE.equals(p.role())) {
                a = new CaseApplicant(a.kind(), a.name(), a.documentKind(), a.identifierMasked(), a.nationality(), p.name(), p.idKind(), masked,
                        a.agentName(), a.agentDocumentKind(), a.agentIdMasked(), a.agentPhoneMasked(), a.powerOfAttorney(), a.powerOfAttorneyDate());
            } else if (AGENT.equals(p.role())) {
                a = new CaseApplicant(a.kind(), a.name(), a.documentKind(), a.identifierMasked(), a.nationality(), a.representativeName(),
                        a.representativeDocumentKind(), a.representativeIdMasked(), p.name(), p.idKind(), masked, maskPhone(p.phone()),
                        p.powerOfAttorney(), p.signedOn());
            }
        }
        return a;
    }

    /**
     * @return the identifier masked as its kind is: a credit code keeps its first 8 and last 2 characters,
     *         a document number as {@link IdentityDocument#masked()} says
     */
    static String mask(String idKind, String number, String nationality) {
        if (CaseApplicant.USCC.equals(idKind)) {
            return new UnifiedSocialCreditCode(number).masked();
        }
        try {
            return new IdentityDocument(IdentityDocument.Kind.valueOf(idKind), number, nationality).masked();
        } catch (IllegalArgumentException e) {
            return number.length() <= 4 ? "*".repeat(number.length()) : number.charAt(0) + "*".repeat(number.length() - 3)
                    + number.substring(number.length() - 2);
        }
    }

    static String maskName(String name) {
        return name.length() <= 1 ? "*" : name.charAt(0) + "*".repeat(name.length() - 1);
    }

    static String maskPhone(String phone) {
        if (phone.isEmpty()) {
            return "";
        }
        String masked = org.onedoor.api.citizen.CitizenDataMasking.maskPhone(phone);
        if (!masked.equals(phone)) {
            return masked;
        }
        return phone.length() <= 4 ? "*".repeat(phone.length()) : phone.substring(0, 2) + "*".repeat(phone.length() - 4)
                + phone.substring(phone.length() - 2);
    }

    /** @return a short description of the applicant for the history and audit, every identifier and a person's name masked */
    static String describe(Applicant a) {
        StringBuilder s = new StringBuilder(a.kind().chinese()).append(" ")
                .append(a.kind() == org.onedoor.api.cases.ApplicantKind.PERSON ? maskName(a.name()) : a.name()).append("（")
                .append(a.document().map(d -> d.kind().chinese()).orElse("统一社会信用代码")).append(" ").append(a.identifierMasked());
        a.document().filter(d -> !d.nationality().isEmpty()).ifPresent(d -> s.append("，国籍 ").append(d.nationality()));
        s.append("）");
        a.legalRepresentative().ifPresent(r -> s.append("，法定代表人 ").append(maskName(r.name())).append("（").append(r.document().masked()).append("）"));
        a.agent().ifPresent(g -> s.append("，代办人 ").append(maskName(g.person().name())).append("（").append(g.person().document().masked())
                .append("，授权委托书 ").append(g.powerOfAttorney()).append("，").append(g.signedOn()).append("）"));
        return s.toString();
    }
}
