import { peersGlobalSetup } from '@lep/testing';

// kafkajs warns once per process about its v2 partitioner; the outbox relay keys every message explicitly.
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

// Temporal is started per test file (support/publication-app.ts): each file sets its own virtual clock. S3 for
// the evidence service the documents service stores 决定书 in (public-document.spec.ts).
export default peersGlobalSetup({ postgres: true, kafka: true, s3: true });
