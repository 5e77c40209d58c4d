-- Signed-in sessions: bearer tokens of API clients, page sessions (cookie) and kiosk device tokens.
-- Only a SHA-256 digest of each token is kept; the token itself exists only at the client.
CREATE TABLE auth_session (
    token_digest  VARCHAR(64)   NOT NULL PRIMARY KEY,
    kind          VARCHAR(16)   NOT NULL,
    username      VARCHAR(64)   NOT NULL,
    roles         VARCHAR(1000) NOT NULL,
    department    VARCHAR(16),
    csrf_digest   VARCHAR(64),
    created_at    TIMESTAMP     NOT NULL,
    expires_at    TIMESTAMP     NOT NULL,
    revoked_at    TIMESTAMP
);
CREATE INDEX auth_session_user ON auth_session (username);
