import { peersGlobalSetup } from '@lep/testing';

// Kafka for the registry process the end-to-end tests start (its outbox relay); the Temporal dev server runs in
// real time, so no statutory timer (hearing window, review SLA, decision limit) fires while a test drives a case;
// S3 for the evidence service the documents service stores rendered 决定书 in (review-document.spec.ts).
export default peersGlobalSetup({ postgres: true, kafka: true, temporal: true, s3: true });
