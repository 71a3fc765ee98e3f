import { createCloudEvent, parseCloudEvent } from './cloud-event';

describe('CloudEvents envelope', () => {
  const event = createCloudEvent({
    source: '/lep/case-api',
    type: 'cn.lep.case.decision.made.v1',
    subject: 'case-6500.2026-001',
    data: { amount: 20_000 },
    time: new Date('2026-10-09T02:00:00Z'),
  });

  it('carries the attributes consumers rely on', () => {
    expect(event).toMatchObject({
      specversion: '1.0',
      source: '/lep/case-api',
      type: 'cn.lep.case.decision.made.v1',
      subject: 'case-6500.2026-001',
      time: '2026-10-09T02:00:00.000Z',
      datacontenttype: 'application/json',
      data: { amount: 20_000 },
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a supplied id so a re-emitted fact de-duplicates', () => {
    const again = createCloudEvent({
      source: event.source,
      type: event.type,
      subject: event.subject,
      data: {},
      id: 'decision-42-made',
    });
    expect(again.id).toBe('decision-42-made');
  });

  it('round-trips through a Kafka message value', () => {
    expect(parseCloudEvent(Buffer.from(JSON.stringify(event)))).toEqual(event);
  });

  it.each([
    ['null', null, 'message has no value'],
    ['an array', '[1]', 'CloudEvent field "specversion" is missing'],
    ['a number', '7', 'message value is not a JSON object'],
    ['no id', JSON.stringify({ ...event, id: '' }), 'CloudEvent field "id" is missing'],
    ['no subject', JSON.stringify({ ...event, subject: undefined }), 'CloudEvent field "subject" is missing'],
    [
      'another spec version',
      JSON.stringify({ ...event, specversion: '0.3' }),
      'unsupported CloudEvents specversion 0.3',
    ],
  ])('refuses %s', (_label, value, message) => {
    expect(() => parseCloudEvent(value)).toThrow(message);
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseCloudEvent('not json')).toThrow(SyntaxError);
  });
});
