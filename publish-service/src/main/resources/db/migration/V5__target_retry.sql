-- A target can be pushed again later (« Réessayer »): the publication keeps the metadata its request
-- carried, so the retry sends the same description; and the portal's HTTP answer of a failure is kept
-- beside its French summary, so staff can be told what to do (a 401: renew the API key).
ALTER TABLE publication ADD COLUMN request_metadata TEXT;
ALTER TABLE remote_target ADD COLUMN last_http_status INT;
