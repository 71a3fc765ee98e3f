import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ALL_TOPICS,
  CASE_EVENT_SOURCE,
  CASE_EVENT_TYPES,
  EVALUATION_EVENT_TYPES,
  EVIDENCE_EVENT_SOURCE,
  EVIDENCE_EVENT_TYPES,
  INSPECTION_EVENT_TYPES,
  PUBLICATION_EVENT_SOURCE,
  PORTAL_EVENT_TYPES,
  PUBLICATION_EVENT_TYPES,
  REGISTRY_EVENT_SOURCE,
  REGISTRY_EVENT_TYPES,
  STATISTICS_EVENT_SOURCE,
  STATISTICS_EVENT_TYPES,
} from '../src';

const doc = readFileSync(path.resolve(__dirname, '../../../docs/topics.md'), 'utf8');
const documentedRows = doc
  .split('\n')
  .filter((line) => line.startsWith('| `lep.'))
  .map((line) => line.split('|').map((cell) => cell.trim()));

describe('docs/topics.md', () => {
  it('documents exactly the topics the contracts declare', () => {
    expect(documentedRows.map((row) => row[1].replace(/`/g, '')).sort()).toEqual(
      ALL_TOPICS.map((topic) => topic.name).sort(),
    );
  });

  it.each(ALL_TOPICS.map((topic) => [topic.name, topic] as const))(
    '%s: partitions and key match',
    (name, topic) => {
      const row = documentedRows.find((cells) => cells[1] === `\`${name}\``);
      expect(row?.[2]).toBe(String(topic.partitions));
      expect(row?.[3]).toBe(`\`${topic.key}\``);
    },
  );
});

describe('docs/topics.md, events', () => {
  const declaredTypes = [
    CASE_EVENT_TYPES,
    EVALUATION_EVENT_TYPES,
    EVIDENCE_EVENT_TYPES,
    INSPECTION_EVENT_TYPES,
    PUBLICATION_EVENT_TYPES,
    PORTAL_EVENT_TYPES,
    REGISTRY_EVENT_TYPES,
    STATISTICS_EVENT_TYPES,
  ].flatMap((types) => Object.values(types));
  const documentedTypes = [
    ...new Set([...doc.matchAll(/cn\.lep\.[a-z0-9.-]+\.v\d+/g)].map((match) => match[0])),
  ];

  it('documents every event type the contracts declare, and no other', () => {
    expect(documentedTypes.sort()).toEqual([...new Set(declaredTypes)].sort());
  });

  it('names only the CloudEvent sources producers use', () => {
    const sources = [
      CASE_EVENT_SOURCE,
      EVIDENCE_EVENT_SOURCE,
      PUBLICATION_EVENT_SOURCE,
      REGISTRY_EVENT_SOURCE,
      STATISTICS_EVENT_SOURCE,
    ];
    const documented = [...doc.matchAll(/[`"](\/lep\/[a-z-]+)[`"]/g)].map((match) => match[1]);
    expect(documented.length).toBeGreaterThan(0);
    expect(documented.filter((source) => !sources.includes(source))).toEqual([]);
  });
});
