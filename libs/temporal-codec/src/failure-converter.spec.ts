import { randomBytes } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import {
  decodeOptionalFailureToOptionalError,
  encodeErrorToFailure,
  loadDataConverter,
} from '@temporalio/common/lib/internal-non-workflow';
import { temporal } from '@temporalio/proto';
import { encryptingDataConverter } from './data-converter';
import { parsePayloadKeys } from './payload-keys';

const ID_NUMBER = '650102198001011234';
const converter = (keyId: string, key: string) =>
  loadDataConverter(encryptingDataConverter(parsePayloadKeys(`${keyId}:${key}`, keyId)));

describe('failures in the history', () => {
  const key = randomBytes(32).toString('base64');
  const error = ApplicationFailure.nonRetryable(
    `当事人张三（身份证号 ${ID_NUMBER}）的送达地址无法解析`,
    'ADDRESS',
  );

  it('are stored with neither the message nor the stack in clear: both sit in an encrypted payload', async () => {
    const failure = await encodeErrorToFailure(converter('k1', key), error);
    const stored = Buffer.from(temporal.api.failure.v1.Failure.encode(failure).finish());
    for (const secret of [ID_NUMBER, '张三', '送达地址'])
      expect(stored.includes(Buffer.from(secret))).toBe(false);
    // What an operator without the key sees: the SDK's placeholder, and the failure's type, which is not personal.
    expect(failure.message).toBe('Encoded failure');
    expect(failure.stackTrace).toBe('');
    expect(failure.applicationFailureInfo?.type).toBe('ADDRESS');
    expect(Buffer.from(failure.encodedAttributes!.metadata!.encoding!).toString()).toBe('binary/encrypted');
  });

  it('read back in full by a client or worker holding the key ring', async () => {
    const failure = await encodeErrorToFailure(converter('k1', key), error);
    const decoded = await decodeOptionalFailureToOptionalError(converter('k1', key), failure);
    expect(decoded).toBeInstanceOf(ApplicationFailure);
    expect(decoded!.message).toBe(error.message);
    expect((decoded as ApplicationFailure).type).toBe('ADDRESS');
    expect((decoded as ApplicationFailure).nonRetryable).toBe(true);
  });

  it('written before messages were encoded (plain, as older histories hold them) still read back', async () => {
    const plain = await encodeErrorToFailure(loadDataConverter(), error);
    expect(plain.message).toBe(error.message);
    const decoded = await decodeOptionalFailureToOptionalError(converter('k1', key), plain);
    expect(decoded!.message).toBe(error.message);
  });
});
