// One consumer-group member in a process of its own, as a LEP consumer service holds it: prints "joined" once
// consumer.run() resolves (the service answers /health then), and "got <value>" for each message.
// Usage: node member.js <brokers> <topic> <group> <sessionTimeoutMs> <heartbeatIntervalMs> <fetchWaitMs>
// Also prints "heartbeat" at each heartbeat the member sends, for the idle heartbeat gap.
const { Kafka, logLevel } = require('kafkajs');

const [brokers, topic, groupId, sessionTimeout, heartbeatInterval, fetchWait] = process.argv.slice(2);
const kafka = new Kafka({
  clientId: 'restart-bench',
  brokers: brokers.split(','),
  logLevel: logLevel.NOTHING,
});
const consumer = kafka.consumer({
  groupId,
  sessionTimeout: Number(sessionTimeout),
  heartbeatInterval: Number(heartbeatInterval),
  maxWaitTimeInMs: Number(fetchWait),
});
consumer.on(consumer.events.HEARTBEAT, () => console.log('heartbeat'));
(async () => {
  await consumer.connect();
  // From the beginning: a new group has no offsets, and 'latest' could miss a message sent right after the join.
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => console.log(`got ${message.value}`) });
  console.log('joined');
})();
// A graceful stop leaves the group, as the services' beforeApplicationShutdown does.
process.on('SIGTERM', () => consumer.disconnect().then(() => process.exit(0)));
