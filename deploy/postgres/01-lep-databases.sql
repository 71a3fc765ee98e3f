-- One database per LEP service (run once by the postgres image on an empty data directory, as POSTGRES_USER).
-- Temporal's `temporal` and `temporal_visibility` databases are created by the temporal-admin-tools job instead,
-- together with their schema. deploy/test/compose.spec.ts checks that every DATABASE_URL names a database here.
CREATE DATABASE lep_registry;
CREATE DATABASE lep_cases;
CREATE DATABASE lep_evidence;
CREATE DATABASE lep_publication;
CREATE DATABASE lep_statistics;
CREATE DATABASE lep_documents;
