-- A page's own host name (custom domain). The unique index settles a race between two pages
-- claiming the same one: the second transaction fails, its events with it.
alter table page_directory add column hostname varchar(253);
create unique index page_directory_hostname on page_directory (hostname);
