import { peersGlobalSetup } from '@lep/testing';

// Kafka for the registry process the end-to-end tests start (its outbox relay); Temporal in real time, so no
// statutory timer (hearing window, review SLA, decision limit) fires while a test drives a case over HTTP.
export default peersGlobalSetup({ postgres: true, kafka: true, temporal: { timeSkipping: false } });
