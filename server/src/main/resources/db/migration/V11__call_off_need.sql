-- What a call-off is for, beside its document, so the splitting check (E7) reads an agency's recent direct call-offs
-- without parsing each document. Rows made before keep these empty; the check reads their documents.
alter table call_off add column project_reference varchar(200);
alter table call_off add column need_description varchar;
