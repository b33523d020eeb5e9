-- Where each catalogue entity lives in the editors' files, so an export writes the same files back.
alter table supplier add column file_path varchar(300);
alter table framework add column file_path varchar(300);
alter table service add column file_path varchar(300);
