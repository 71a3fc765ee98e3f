import type * as grpc from '@grpc/grpc-js';
import type { Engine } from './engine';
import type { Proto } from './execution';
import { fromProtoTime, toTimestamp } from './time';

type Callback = grpc.sendUnaryData<Proto>;

/**
 * Temporal's TestService, as `@temporalio/testing` drives it: a lock count over time skipping, sleeps in
 * virtual time, and the current virtual time.
 */
export function testServiceHandlers(engine: Engine): grpc.UntypedServiceImplementation {
  const clock = engine.clock;
  const sleepUntil = (at: number, callback: Callback, after?: () => void) => {
    clock.schedule(at, () => {
      after?.();
      callback(null, {});
    });
  };
  return {
    LockTimeSkipping: (_call: grpc.ServerUnaryCall<Proto, Proto>, callback: Callback) => {
      clock.lockCount += 1;
      callback(null, {});
    },
    UnlockTimeSkipping: (_call: grpc.ServerUnaryCall<Proto, Proto>, callback: Callback) => {
      clock.lockCount -= 1;
      clock.poke();
      callback(null, {});
    },
    Sleep: (call: grpc.ServerUnaryCall<Proto, Proto>, callback: Callback) => {
      sleepUntil(clock.now() + fromProtoTime(call.request.duration), callback);
    },
    SleepUntil: (call: grpc.ServerUnaryCall<Proto, Proto>, callback: Callback) => {
      sleepUntil(fromProtoTime(call.request.timestamp), callback);
    },
    UnlockTimeSkippingWithSleep: (call: grpc.ServerUnaryCall<Proto, Proto>, callback: Callback) => {
      clock.lockCount -= 1;
      sleepUntil(clock.now() + fromProtoTime(call.request.duration), callback, () => {
        clock.lockCount += 1;
      });
    },
    GetCurrentTime: (_call: grpc.ServerUnaryCall<Proto, Proto>, callback: Callback) => {
      callback(null, { time: toTimestamp(clock.now()) });
    },
  };
}
