-- A target can be pushed again later (« Réessayer »): the retry sends the request kept in publication.request
-- (V3_5). The portal's HTTP answer of a failure is kept beside its French summary, so staff can be told what
-- to do (a 401: renew the API key).
ALTER TABLE remote_target ADD COLUMN last_http_status INT;
