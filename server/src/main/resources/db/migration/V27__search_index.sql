-- Catalogue search moved to an Apache Lucene index kept by each server. The columns of the SQL search (and, on
-- PostgreSQL, their trigram indexes with them) go; search_rev is the catalogue revision that last changed a
-- service's searchable content, so a server brings its index up to date with only the services changed since.
alter table service add column search_rev bigint default 0 not null;
update service set search_rev = (select rev from catalogue_revision where id = 1);
create index service_search_rev on service (search_rev);
alter table service drop column search_text;
alter table service drop column name_text;
