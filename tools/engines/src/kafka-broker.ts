import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { ensureEngine } from './build';
import { DataDir } from './data-dir';
import { EngineProcess } from './engine-process';
import { RestartableEngine } from './restartable-engine';
import { freePorts } from './free-port';
import { javaCommand } from './toolchains';

export interface KafkaBrokerOptions {
  /** Holds the formatted log directory, kept across restarts; temporary (removed by remove()) when absent. */
  dataDir?: string;
  port?: number;
  controllerPort?: number;
  /** Maximum heap; the JVM starts with less. */
  heapMb?: number;
}

/** Kafka's own base64url UUID (22 characters); one starting with '-' would read as an option on a command line. */
function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/**
 * One combined broker and controller in KRaft mode, as docker-compose.yml runs `apache/kafka` but from Maven
 * Central's jars: loopback listeners, replication factors of 1, no topic auto-creation (topics are created the
 * way production creates them, see lep-setup.ts), no initial rebalance delay.
 */
function serverProperties(dir: string, port: number, controllerPort: number): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.bootstrap.servers=127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${path.join(dir, 'logs')}`,
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    // A broker restarted after a crash registers again only once the controller has fenced its previous
    // incarnation, i.e. after this session timeout (9 s by default).
    'broker.session.timeout.ms=4000',
    'broker.heartbeat.interval.ms=1000',
    'auto.create.topics.enable=false',
    '',
  ].join('\n');
}

/**
 * Answers once the broker serves metadata and leads every partition it holds: right after a restart it answers
 * metadata requests before its partitions are back (producers then get NOT_LEADER_OR_FOLLOWER).
 */
async function serves(brokers: string[]): Promise<boolean> {
  const admin = new Kafka({
    clientId: 'lep-engines-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    if ((await admin.describeCluster()).brokers.length === 0) return false;
    // Listing offsets is answered by a partition's leader only, once its log is loaded.
    for (const topic of await admin.listTopics()) await admin.fetchTopicOffsets(topic);
    return true;
  } finally {
    await admin.disconnect();
  }
}

/** Apache Kafka, one node in KRaft mode, from the jars in the engine cache. */
export class KafkaBroker extends RestartableEngine {
  private constructor(
    private readonly folder: string,
    data: DataDir,
    readonly port: number,
    readonly controllerPort: number,
    private readonly heapMb: number,
  ) {
    super(data);
  }

  static async start(options: KafkaBrokerOptions = {}): Promise<KafkaBroker> {
    const folder = await ensureEngine('kafka');
    const data = DataDir.of(options.dataDir, 'kafka');
    const [freeBroker, freeController] = await freePorts(2);
    const port = options.port ?? freeBroker;
    const controllerPort = options.controllerPort ?? freeController;
    const broker = new KafkaBroker(folder, data, port, controllerPort, options.heapMb ?? 512);
    try {
      await broker.up();
    } catch (error) {
      data.remove();
      throw error;
    }
    return broker;
  }

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  /** Its data folder (temporary ones go with remove()). */
  get dataDir(): string {
    return this.data.path;
  }

  get logFile(): string {
    return path.join(this.data.path, 'kafka.log');
  }

  private get classpath(): string {
    return path.join(this.folder, 'lib', '*');
  }

  /** Formats the log directory on first use, then starts the broker; resolves once it answers metadata requests. */
  async up(): Promise<void> {
    const properties = path.join(this.data.path, 'server.properties');
    writeFileSync(properties, serverProperties(this.data.path, this.port, this.controllerPort));
    if (!existsSync(path.join(this.data.path, 'logs', 'meta.properties'))) {
      await promisify(execFile)(javaCommand('java'), [
        '-cp',
        this.classpath,
        'kafka.tools.StorageTool',
        'format',
        '--standalone',
        '--ignore-formatted',
        '--cluster-id',
        clusterId(),
        '--config',
        properties,
      ]);
    }
    this.process = await EngineProcess.start({
      name: 'Kafka broker',
      command: javaCommand('java'),
      args: [
        '-Xms64m',
        `-Xmx${this.heapMb}m`,
        '-XX:+UseSerialGC',
        '-Djava.awt.headless=true',
        // Log4j 2's default configuration (console) at WARN: the broker's INFO chatter is megabytes per run.
        '-Dorg.apache.logging.log4j.level=WARN',
        '-cp',
        this.classpath,
        'kafka.Kafka',
        properties,
      ],
      cwd: this.data.path,
      logFile: this.logFile,
      ready: () => serves(this.brokers),
      stopGraceMs: 20_000,
      removeOnOrphan: this.data.removeOnOrphan,
    });
  }
}
