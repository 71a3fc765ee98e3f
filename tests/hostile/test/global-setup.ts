import { peersGlobalSetup } from '@lep/testing';

// kafkajs warns once per process about its v2 partitioner; the outbox relays key every message explicitly.
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

// Every engine a service needs; the Temporal dev server runs in real time, so no statutory timer fires while cases
// are probed.
export default peersGlobalSetup({ postgres: true, kafka: true, s3: true, temporal: true });
