-- A case delivered by pickup locker remembers the cabinet and the locker deposit that holds its
-- result, so that the citizen's pickup (a locker event naming the deposit) closes the case.
ALTER TABLE hall_case ADD COLUMN locker_cabinet VARCHAR(64);
ALTER TABLE hall_case ADD COLUMN locker_deposit_id BIGINT;
CREATE INDEX hall_case_locker_deposit ON hall_case (locker_cabinet, locker_deposit_id);
