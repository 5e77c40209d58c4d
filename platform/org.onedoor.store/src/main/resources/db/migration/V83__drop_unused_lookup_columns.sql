-- The citizen look-up's failures are limited per address and hall-wide in memory (issue 12, item 7),
-- not per case: the per-case counters of V20 were never read or written since. Dropped so that the
-- schema says what the code does.
ALTER TABLE case_bundle DROP COLUMN lookup_failures;
ALTER TABLE case_bundle DROP COLUMN lookup_locked_until;
ALTER TABLE hall_case DROP COLUMN lookup_failures;
ALTER TABLE hall_case DROP COLUMN lookup_locked_until;
