import { peersGlobalSetup } from '@lep/testing';

// The registry the filing checks ask runs as its own process over PostgreSQL (and Kafka for its outbox).
// Case harnesses run a time-skipping Temporal server of their own (its clock is the test's), or this dev server
// when a test lists cases by search attributes as operators do.
export default peersGlobalSetup({ postgres: true, kafka: true, temporal: true });
