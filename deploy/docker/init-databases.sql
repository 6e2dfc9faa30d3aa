-- Each service has a database of its own: the read side never reads the event store.
create database sitrep_command;
create database sitrep_query;
