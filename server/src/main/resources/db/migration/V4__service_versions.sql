-- Every version of every catalogue service, with who changed it and when, so a call-off can show what its
-- buyer saw. The current version is also in service.document.
create table service_version (
    service_id  varchar(80)  not null references service (id),
    version     integer      not null,
    document    varchar      not null,
    changed_at  timestamp with time zone not null,
    changed_by  varchar(200) not null,
    primary key (service_id, version)
);
