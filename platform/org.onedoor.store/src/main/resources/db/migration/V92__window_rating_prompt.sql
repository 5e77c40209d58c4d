-- "One service, one rating" at the window (docs/evaluation.md, "The rating pad"): the clerk's request for the
-- rating of a case just handled, one per window of a hall (a newer request replaces it), read by the window's
-- rating pad until expires_at; a party's column is set once it was rated through the prompt, and the row is
-- deleted when every party to rate is done.
CREATE TABLE window_rating_prompt (
    hall_id         VARCHAR(32)  NOT NULL,
    window_no       INT          NOT NULL,
    case_no         VARCHAR(32)  NOT NULL,
    asked_by        VARCHAR(64)  NOT NULL,
    asked_at        TIMESTAMP    NOT NULL,
    expires_at      TIMESTAMP    NOT NULL,
    front_rated_at  TIMESTAMP,
    back_rated_at   TIMESTAMP,
    PRIMARY KEY (hall_id, window_no)
);
