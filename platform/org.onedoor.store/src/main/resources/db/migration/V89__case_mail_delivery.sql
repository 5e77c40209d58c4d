-- Free mail delivery of a result with its address (issue 18, R13) and the 365 holiday service's mail by
-- default (R14): one row per case that is to be, or was, mailed. The full recipient, phone and address
-- are kept here only (for the postal label); every view masks the phone and the street, and the
-- history and the audit trail carry the masked line. at_acceptance: recorded when the case was
-- accepted (the case is mailed unless the applicant asks otherwise at the issuance window);
-- holiday: accepted on a public holiday of the calendar. carrier is set when the result is mailed.
CREATE TABLE case_mail (
    case_no        VARCHAR(32)  NOT NULL PRIMARY KEY,
    recipient      VARCHAR(64)  NOT NULL,
    phone          VARCHAR(20)  NOT NULL,
    province       VARCHAR(32)  NOT NULL,
    city           VARCHAR(32)  NOT NULL,
    district       VARCHAR(32)  NOT NULL,
    street         VARCHAR(200) NOT NULL,
    carrier        VARCHAR(32),
    at_acceptance  BOOLEAN      DEFAULT FALSE NOT NULL,
    holiday        BOOLEAN      DEFAULT FALSE NOT NULL,
    recorded_at    TIMESTAMP    NOT NULL,
    CONSTRAINT case_mail_case FOREIGN KEY (case_no) REFERENCES hall_case (case_no)
);
