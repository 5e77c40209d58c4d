-- Same-city handling (R13): a case records the hall that accepted it and the hall whose department
-- handles it. Cases of before are the default hall's (zhumadian), accepted and handled there.
ALTER TABLE hall_case ADD COLUMN accepted_hall_id VARCHAR(24) DEFAULT 'zhumadian' NOT NULL;
ALTER TABLE hall_case ADD COLUMN handling_hall_id VARCHAR(24) DEFAULT 'zhumadian' NOT NULL;
CREATE INDEX hall_case_handling_hall ON hall_case (handling_hall_id, department_id, state);
