-- A page's own host name (custom domain), at whose root the page is also served. Not unique here:
-- a hostname moving from one page to another can arrive in either order (pages are keyed to
-- different partitions), and while both pages have it, the page defined last holds it.
alter table page add column hostname text;
create index page_hostname on page (hostname) where hostname is not null;
