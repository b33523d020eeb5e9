-- One counter that every catalogue write moves in its own transaction, so a server holding the catalogue's search
-- index in memory knows with one read whether it is still current.
create table catalogue_revision (
    id  integer primary key,
    rev bigint  not null
);
insert into catalogue_revision (id, rev) values (1, 0);
