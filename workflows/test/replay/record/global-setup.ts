import { peersGlobalSetup } from '@lep/testing';

// What the three harnesses need together: PostgreSQL, Kafka (the registry's and the services' outboxes), S3 (the
// evidence service the case scenarios' rendered 决定书 are stored in) and the dev server; each harness runs a
// time-skipping Temporal server of its own for the clock.
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
export default peersGlobalSetup({ postgres: true, kafka: true, temporal: true, s3: true });
