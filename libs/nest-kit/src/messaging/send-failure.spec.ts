import {
  KafkaJSConnectionError,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
} from 'kafkajs';
import { kafkaErrorType, refusedForGood } from './send-failure';

// What kafkajs's retrier throws for an error it does not retry (its typings leave out the cause option).
const notRetried = (cause: Error) =>
  new (KafkaJSNonRetriableError as unknown as new (error: Error, options: { cause: Error }) => Error)(cause, {
    cause,
  });

// kafkajs builds a protocol error from the broker's error code entry.
const protocolError = (type: string, retriable: boolean) =>
  new KafkaJSProtocolError({ type, code: 0, retriable, message: `broker says ${type}` } as never);

describe('which Kafka failures condemn the messages themselves', () => {
  it('finds the broker’s error type through kafkajs’s wrappers', () => {
    const tooLarge = protocolError('MESSAGE_TOO_LARGE', false);
    expect(kafkaErrorType(notRetried(tooLarge))).toBe('MESSAGE_TOO_LARGE');
    const leader = protocolError('NOT_LEADER_FOR_PARTITION', true);
    expect(
      kafkaErrorType(new KafkaJSNumberOfRetriesExceeded(leader, { retryCount: 2, retryTime: 100 })),
    ).toBe('NOT_LEADER_FOR_PARTITION');
    expect(kafkaErrorType(new Error('plain'))).toBeUndefined();
  });

  it('gives up on oversized or malformed records only; outages, leadership moves, unknown topics and ACLs are retried', () => {
    for (const type of ['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD', 'CORRUPT_MESSAGE'])
      expect(refusedForGood(notRetried(protocolError(type, false)))).toBe(true);
    for (const type of [
      'UNKNOWN_TOPIC_OR_PARTITION',
      'NOT_LEADER_FOR_PARTITION',
      'TOPIC_AUTHORIZATION_FAILED',
      'REQUEST_TIMED_OUT',
    ])
      expect(
        refusedForGood(
          new KafkaJSNumberOfRetriesExceeded(protocolError(type, true), { retryCount: 2, retryTime: 100 }),
        ),
      ).toBe(false);
    expect(refusedForGood(new KafkaJSConnectionError('Connection error: connect ECONNREFUSED'))).toBe(false);
  });
});
