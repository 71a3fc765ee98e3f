// How long a consumer service killed (or stopped) and started again takes to rejoin its group and consume, on a
// real Apache Kafka broker, for the session timeouts LEP could use. Issue #15 point 6; docs/operations.md.
// Usage: node bench/consumer-restart/run.js [rounds] [hogs]   (hogs: busy processes loading the machine meanwhile)
const { spawn } = require('node:child_process');
const { setTimeout } = require('node:timers');
const path = require('node:path');
const { createInterface } = require('node:readline');
const { Kafka, logLevel } = require('kafkajs');
const { KafkaBroker, createTopics } = require('../../tools/engines/dist');

const ROUNDS = Number(process.argv[2] ?? 3);
const HOGS = Number(process.argv[3] ?? 0);
const TOPIC = { name: 'bench.restart', partitions: 6 };
// fetchWait: how long a fetch waits on an idle topic (kafkajs' maxWaitTimeInMs); kafkajs heartbeats between fetches.
const OPTIONS = [
  {
    name: 'kafkajs default (session 30 s, heartbeat 3 s)',
    session: 30_000,
    heartbeat: 3_000,
    fetchWait: 5_000,
  },
  { name: 'session 10 s, heartbeat 1 s', session: 10_000, heartbeat: 1_000, fetchWait: 5_000 },
  { name: 'session 6 s (broker minimum), heartbeat 1 s', session: 6_000, heartbeat: 1_000, fetchWait: 5_000 },
  { name: 'session 6 s, heartbeat 1 s, fetch wait 1 s', session: 6_000, heartbeat: 1_000, fetchWait: 1_000 },
];
/** How long a member sits idle while its heartbeats are timed. */
const IDLE_MS = 15_000;

function member(brokers, group, option) {
  const child = spawn(
    process.execPath,
    [
      path.join(__dirname, 'member.js'),
      brokers.join(','),
      TOPIC.name,
      group,
      option.session,
      option.heartbeat,
      option.fetchWait,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const waiting = new Map();
  const heartbeats = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line === 'heartbeat') heartbeats.push(Date.now());
    for (const [prefix, resolve] of waiting) {
      if (!line.startsWith(prefix)) continue;
      waiting.delete(prefix);
      resolve(Date.now());
    }
  });
  const next = (prefix) => new Promise((resolve) => waiting.set(prefix, resolve));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return { child, next, exited, heartbeats };
}

async function measure(brokers, producer, option, round, stop) {
  const group = `bench-${option.session}-${stop}-${round}`;
  const first = member(brokers, group, option);
  await first.next('joined');
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  first.child.kill(stop);
  await first.exited;
  const restarted = Date.now();
  const second = member(brokers, group, option);
  const joined = await second.next('joined');
  const marker = `after-${group}`;
  const consumed = second.next(`got ${marker}`);
  await producer.send({ topic: TOPIC.name, messages: [{ key: marker, value: marker }] });
  const got = await consumed;
  second.child.kill('SIGKILL');
  await second.exited;
  return { joinedMs: joined - restarted, consumedMs: got - restarted };
}

/** The longest time an idle member went without a heartbeat: what its session must outlast. */
async function idleHeartbeatGap(brokers, option) {
  const idle = member(brokers, `bench-idle-${option.session}-${option.fetchWait}`, option);
  const joined = await idle.next('joined');
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const ended = Date.now();
  idle.child.kill('SIGKILL');
  await idle.exited;
  const beats = [joined, ...idle.heartbeats.filter((at) => at > joined)];
  return Math.max(...beats.slice(1).map((at, i) => at - beats[i]), ended - beats[beats.length - 1]);
}

async function main() {
  const hogs = Array.from({ length: HOGS }, () =>
    spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
  );
  const broker = await KafkaBroker.start();
  try {
    await createTopics(broker.brokers, [TOPIC]);
    const producer = new Kafka({ brokers: broker.brokers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    console.log(
      `consumer restart on Apache Kafka (KRaft, one broker), ${ROUNDS} rounds, ${HOGS} busy processes`,
    );
    for (const option of OPTIONS)
      console.log(
        `idle    ${option.name.padEnd(46)} longest time without a heartbeat over ${IDLE_MS / 1000} s: ${((await idleHeartbeatGap(broker.brokers, option)) / 1000).toFixed(1)} s`,
      );
    for (const stop of ['SIGKILL', 'SIGTERM'])
      for (const option of OPTIONS) {
        const results = [];
        for (let round = 0; round < ROUNDS; round++)
          results.push(await measure(broker.brokers, producer, option, round, stop));
        const show = (key) => results.map((result) => (result[key] / 1000).toFixed(1)).join(' / ');
        console.log(
          `${stop.padEnd(7)} ${option.name.padEnd(46)} joined after ${show('joinedMs')} s, consuming after ${show('consumedMs')} s`,
        );
      }
    await producer.disconnect();
  } finally {
    for (const hog of hogs) hog.kill('SIGKILL');
    await broker.remove();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
