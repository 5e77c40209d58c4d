-- The good/bad evaluation (政务服务"好差评", GB/T 39734-2020, R18): one rating per case and rated party
-- (FRONT: the window clerk who accepted it, BACK: the back-office approver who decided it) at one of five
-- levels with reasons and the citizen's words, the channel it came from and the applicant masked.
-- A change within the configured days replaces the current row and adds a version to the history.
CREATE TABLE case_evaluation (
    case_no        VARCHAR(32)   NOT NULL,
    party          VARCHAR(8)    NOT NULL,
    department_id  VARCHAR(16)   NOT NULL,
    subject        VARCHAR(128)  NOT NULL,
    rating_level   VARCHAR(24)   NOT NULL,
    score          INTEGER       NOT NULL,
    reasons        VARCHAR(200)  NOT NULL,
    comment        VARCHAR(500)  NOT NULL,
    channel        VARCHAR(24)   NOT NULL,
    citizen        VARCHAR(100)  NOT NULL,
    rated_at       TIMESTAMP     NOT NULL,
    changed_at     TIMESTAMP     NOT NULL,
    revision       INTEGER       NOT NULL,
    CONSTRAINT case_evaluation_once PRIMARY KEY (case_no, party),
    CONSTRAINT case_evaluation_score CHECK (score BETWEEN 1 AND 5)
);
CREATE INDEX case_evaluation_subject ON case_evaluation (party, subject);
CREATE INDEX case_evaluation_unit ON case_evaluation (department_id);

-- Every version of every rating, the first one included, never updated.
CREATE TABLE case_evaluation_history (
    case_no        VARCHAR(32)   NOT NULL,
    party          VARCHAR(8)    NOT NULL,
    revision       INTEGER       NOT NULL,
    subject        VARCHAR(128)  NOT NULL,
    rating_level   VARCHAR(24)   NOT NULL,
    score          INTEGER       NOT NULL,
    reasons        VARCHAR(200)  NOT NULL,
    comment        VARCHAR(500)  NOT NULL,
    channel        VARCHAR(24)   NOT NULL,
    citizen        VARCHAR(100)  NOT NULL,
    given_at       TIMESTAMP     NOT NULL,
    CONSTRAINT case_evaluation_version PRIMARY KEY (case_no, party, revision)
);

-- The 1..5 scores of before: 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意; each case's clerk and
-- approver scores become two ratings. They came only from the citizen's case page, without reasons.
INSERT INTO case_evaluation (case_no, party, department_id, subject, rating_level, score, reasons, comment, channel, citizen,
        rated_at, changed_at, revision)
SELECT r.case_no, p.party, r.department_id, CASE p.party WHEN 'FRONT' THEN r.clerk ELSE r.approver END,
       CASE CASE p.party WHEN 'FRONT' THEN r.clerk_score ELSE r.approver_score END
           WHEN 5 THEN 'VERY_SATISFIED' WHEN 4 THEN 'SATISFIED' WHEN 3 THEN 'BASICALLY_SATISFIED' WHEN 2 THEN 'DISSATISFIED'
           ELSE 'VERY_DISSATISFIED' END,
       CASE p.party WHEN 'FRONT' THEN r.clerk_score ELSE r.approver_score END, '', r.comment, 'CITIZEN_PAGE',
       COALESCE((SELECT SUBSTRING(c.applicant_name, 1, 1) || REPEAT('*', CHAR_LENGTH(c.applicant_name) - 1) || ' '
                 || SUBSTRING(c.applicant_id, 1, 3) || '***********' || SUBSTRING(c.applicant_id, 15, 4)
                 FROM hall_case c WHERE c.case_no = r.case_no), ''),
       r.rated_at, r.rated_at, 1
FROM case_rating r CROSS JOIN (SELECT 'FRONT' AS party UNION ALL SELECT 'BACK' AS party) p;

INSERT INTO case_evaluation_history (case_no, party, revision, subject, rating_level, score, reasons, comment, channel, citizen, given_at)
SELECT case_no, party, revision, subject, rating_level, score, reasons, comment, channel, citizen, rated_at FROM case_evaluation;

DROP TABLE case_rating;
