import { peersGlobalSetup } from '@lep/testing';

// kafkajs warns once per process about its v2 partitioner; the outbox relay keys every message explicitly.
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

// The Temporal dev server for the files that need Schedules (each in a namespace of its own); the report flows run
// on a time-skipping server of their own (startTimeSkippingTemporal), each file setting its own virtual clock.
export default peersGlobalSetup({ postgres: true, kafka: true, temporal: true });
