import { peersGlobalSetup } from '@lep/testing';

// The registry the filing checks ask runs as its own process over PostgreSQL (and Kafka for its outbox).
export default peersGlobalSetup({ postgres: true, kafka: true, temporal: true });
