import { createCloudEvent, type CloudEvent } from '@lep/contracts';
import { useTestDatabase } from '@lep/testing';
import { DataSource, EntityManager } from 'typeorm';
import {
  consumeOnce,
  lockPredecessor,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  parkEvent,
  takeParkedEvents,
} from '../src';

const databaseUrl = useTestDatabase('parked_events');
const CONSUMER = 'parking-test';

describe('events parked until the event they follow arrives', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await new DataSource({
      type: 'postgres',
      url: databaseUrl(),
      entities: MESSAGING_ENTITIES,
      migrations: MESSAGING_MIGRATIONS,
      migrationsTableName: 'lep_migrations',
      extra: { max: 20 },
    }).initialize();
    await dataSource.runMigrations();
    await dataSource.query(`CREATE TABLE decision (id text PRIMARY KEY)`);
    await dataSource.query(`CREATE TABLE withdrawal (decision_id text PRIMARY KEY, event_id text NOT NULL)`);
  });
  afterAll(() => dataSource?.destroy());

  const decisionMade = (id: string) =>
    createCloudEvent({ source: '/lep/test', type: 'decision.made', subject: id, data: { id } });
  const decisionWithdrawn = (id: string) =>
    createCloudEvent({ source: '/lep/test', type: 'decision.withdrawn', subject: id, data: { id } });

  // A consumer written the way the services' consumers are: the withdrawal parks when its decision is unknown,
  // the decision applies whatever waited for it, each in the transaction that marks the event consumed.
  const withdraw = async (manager: EntityManager, event: CloudEvent) => {
    await manager.query(`INSERT INTO withdrawal (decision_id, event_id) VALUES ($1, $2)`, [
      event.subject,
      event.id,
    ]);
  };
  const handle = (event: CloudEvent) =>
    consumeOnce(dataSource, CONSUMER, event.id, async (manager) => {
      const predecessor = `decision:${event.subject}`;
      await lockPredecessor(manager, CONSUMER, predecessor);
      if (event.type === 'decision.made') {
        await manager.query(`INSERT INTO decision (id) VALUES ($1)`, [event.subject]);
        for (const parked of await takeParkedEvents(manager, CONSUMER, predecessor))
          await withdraw(manager, parked);
        return;
      }
      const [known] = await manager.query(`SELECT 1 FROM decision WHERE id = $1`, [event.subject]);
      if (known) await withdraw(manager, event);
      else await parkEvent(manager, CONSUMER, predecessor, event);
    });

  it('applies every withdrawal exactly once, whichever of the pair arrives or commits first', async () => {
    // Each pair on two connections at once, as two partitions (or two consumer replicas) would run them.
    const pairs = Array.from({ length: 150 }, (_, index) => ({
      made: decisionMade(`d-${index}`),
      withdrawn: decisionWithdrawn(`d-${index}`),
      withdrawalFirst: index % 2 === 0,
    }));
    await Promise.all(
      pairs.map(({ made, withdrawn, withdrawalFirst }) =>
        withdrawalFirst
          ? Promise.all([handle(withdrawn), handle(made)])
          : Promise.all([handle(made), handle(withdrawn)]),
      ),
    );
    // Redelivered, in the other order: nothing changes.
    for (const { made, withdrawn } of pairs) {
      expect(await handle(withdrawn)).toBe(false);
      expect(await handle(made)).toBe(false);
    }

    const applied: Array<{ decision_id: string; event_id: string }> = await dataSource.query(
      `SELECT decision_id, event_id FROM withdrawal ORDER BY decision_id`,
    );
    expect(applied).toEqual(
      pairs
        .map(({ withdrawn }) => ({ decision_id: withdrawn.subject, event_id: withdrawn.id }))
        .sort((a, b) => a.decision_id.localeCompare(b.decision_id)),
    );
    expect(await dataSource.query(`SELECT event_id FROM parked_event`)).toEqual([]);
  });

  it('hands back what waited for a predecessor in the order it arrived, once', async () => {
    const events = [1, 2, 3].map(() => decisionWithdrawn('d-ordered'));
    await dataSource.transaction(async (manager) => {
      for (const event of events) await parkEvent(manager, CONSUMER, 'decision:d-ordered', event);
      await parkEvent(manager, CONSUMER, 'decision:d-ordered', events[0]);
    });
    const taken = await dataSource.transaction((manager) =>
      takeParkedEvents(manager, CONSUMER, 'decision:d-ordered'),
    );
    expect(taken.map((event) => event.id)).toEqual(events.map((event) => event.id));
    expect(
      await dataSource.transaction((manager) => takeParkedEvents(manager, CONSUMER, 'decision:d-ordered')),
    ).toEqual([]);
  });
});
