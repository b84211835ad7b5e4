-- Trigram search over customer names, usernames and phones.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
