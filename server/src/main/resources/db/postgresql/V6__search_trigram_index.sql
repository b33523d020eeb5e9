-- PostgreSQL only: trigram GIN indexes serve the catalogue's substring search (LIKE '%word%') and name ranking
-- from an index instead of a scan, with the same results as on H2. The extension lives in public so that
-- dropping one installation's schema never takes it from another.
create extension if not exists pg_trgm schema public;
create index service_search_text_trgm on service using gin (search_text public.gin_trgm_ops);
create index service_name_text_trgm on service using gin (name_text public.gin_trgm_ops);
