-- dash_hour and dash_timeouts are called by every rollup trigger, about 100 times per verification.
-- PostgreSQL inlines a SQL function into the calling query only when its body is one expression
-- no more volatile than the function and without a subquery. Neither was: date_trunc with a time
-- zone is STABLE (dash_hour is IMMUTABLE), and dash_timeouts counted with a sub-SELECT. So each
-- call ran as a query of its own, planned again at each trigger firing.
-- The same results, written so that they inline:
-- - hours bins of UTC time from an epoch that falls on a UTC hour are UTC hours (date_bin is IMMUTABLE);
-- - the timeouts are the attempt objects whose networkError is the string "timeout", counted by a
--   strict JSON path (an array nested in the array, or a non-object, is not an attempt, as before).
CREATE OR REPLACE FUNCTION dash_hour(ts TIMESTAMPTZ) RETURNS TIMESTAMPTZ LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT date_bin('1 hour', ts, TIMESTAMPTZ '2000-01-01 00:00:00+00') $$;

CREATE OR REPLACE FUNCTION dash_timeouts(attempts JSONB) RETURNS INTEGER LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN jsonb_typeof(attempts) = 'array'
  THEN jsonb_array_length(jsonb_path_query_array(attempts, 'strict $[*] ? (@.type() == "object" && @.networkError == "timeout")'))
  ELSE 0 END $$;
