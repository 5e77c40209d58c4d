-- The hall's users, the same on every node: the sign-in name, the PBKDF2 password hash
-- (pbkdf2-sha256:<rounds>:<salt>:<hash>), the department a department user or approver acts for,
-- and whether the user was disabled. Each user's realm roles (e.g. operator, viewer, ssh) are rows
-- of hall_user_role.
CREATE TABLE hall_user (
    user_name      VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash  VARCHAR(256) NOT NULL,
    department     VARCHAR(16),
    disabled       BOOLEAN      NOT NULL,
    changed_at     TIMESTAMP    NOT NULL
);
CREATE TABLE hall_user_role (
    user_name   VARCHAR(64) NOT NULL REFERENCES hall_user (user_name) ON DELETE CASCADE,
    realm_role  VARCHAR(64) NOT NULL,
    PRIMARY KEY (user_name, realm_role)
);
-- Failed password sign-ins per user name and per client address, for the back-off every node
-- applies alike (subject_kind 'user' or 'address').
CREATE TABLE sign_in_failure (
    subject_kind  VARCHAR(8)   NOT NULL,
    subject       VARCHAR(128) NOT NULL,
    failures      INTEGER      NOT NULL,
    last_failure  TIMESTAMP    NOT NULL,
    PRIMARY KEY (subject_kind, subject)
);
