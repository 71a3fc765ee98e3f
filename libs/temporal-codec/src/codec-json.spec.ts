import { defaultPayloadConverter } from '@temporalio/common';
import { CodecRequestError, MAX_CODEC_PAYLOADS, payloadsFromJson, payloadsToJson } from './codec-json';

function refusal(body: unknown): { field: string; rule: string; message: string } {
  try {
    payloadsFromJson(body);
  } catch (error) {
    if (error instanceof CodecRequestError)
      return { field: error.field, rule: error.rule, message: error.message };
    throw error;
  }
  throw new Error('expected the body to be refused');
}

describe('the remote codec JSON', () => {
  it('reads and writes the proto3 JSON of payloads (metadata and data as base64)', () => {
    const payload = defaultPayloadConverter.toPayload({ 当事人: '张三' });
    const json = payloadsToJson([payload]);
    expect(json).toEqual({
      payloads: [
        {
          metadata: { encoding: Buffer.from('json/plain').toString('base64') },
          data: Buffer.from(JSON.stringify({ 当事人: '张三' })).toString('base64'),
        },
      ],
    });
    const [back] = payloadsFromJson(JSON.parse(JSON.stringify(json)));
    expect(defaultPayloadConverter.fromPayload(back)).toEqual({ 当事人: '张三' });
  });

  it('accepts a payload without data (undefined) and without metadata', () => {
    expect(payloadsFromJson({ payloads: [{ metadata: { encoding: 'YmluYXJ5L251bGw=' } }, {}] })).toEqual([
      { metadata: { encoding: Buffer.from('binary/null') } },
      { metadata: {} },
    ]);
    expect(payloadsFromJson({ payloads: [] })).toEqual([]);
  });

  it.each([
    ['no body', undefined, 'payloads', 'isArray'],
    ['a list instead of an object', [], 'payloads', 'isArray'],
    ['payloads not a list', { payloads: 'x' }, 'payloads', 'isArray'],
    ['a payload that is a string', { payloads: ['x'] }, 'payloads[0]', 'isObject'],
    ['metadata that is a list', { payloads: [{ metadata: [] }] }, 'payloads[0].metadata', 'isObject'],
    [
      'metadata that is not base64',
      { payloads: [{ metadata: { encoding: 'json plain' } }] },
      'payloads[0].metadata.encoding',
      'isBase64',
    ],
    [
      'metadata that is a number',
      { payloads: [{ metadata: { encoding: 1 } }] },
      'payloads[0].metadata.encoding',
      'isBase64',
    ],
    ['data that is not base64', { payloads: [{}, { data: 'a b' }] }, 'payloads[1].data', 'isBase64'],
    ['data of a wrong length', { payloads: [{ data: 'abcde' }] }, 'payloads[0].data', 'isBase64'],
    ['an unknown field beside payloads', { payloads: [], extra: 1 }, 'extra', 'whitelistValidation'],
    [
      'an unknown field in a payload',
      { payloads: [{ data: 'AA==', size: 1 }] },
      'payloads[0].size',
      'whitelistValidation',
    ],
    [
      'too many payloads',
      { payloads: Array.from({ length: MAX_CODEC_PAYLOADS + 1 }, () => ({})) },
      'payloads',
      'arrayMaxSize',
    ],
  ])('refuses %s, naming the field and rule in Chinese', (_case, body, field, rule) => {
    const refused = refusal(body);
    expect(refused).toMatchObject({ field, rule });
    expect(refused.message.startsWith(field)).toBe(true);
    expect(refused.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
