import { peersGlobalSetup } from '@lep/testing';

// kafkajs warns once per process about its v2 partitioner; the outbox relay keys every message explicitly.
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

// Temporal is started per test file that needs it (the report flow): each file sets its own virtual clock.
export default peersGlobalSetup({ postgres: true, kafka: true });
