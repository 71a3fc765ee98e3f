import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const json = require('@temporalio/proto/protos/json-module');

export function loadServices(): { workflow: grpc.ServiceDefinition; test: grpc.ServiceDefinition } {
  const def = protoLoader.fromJSON(json, { keepCase: false, longs: String, enums: String, defaults: false, oneofs: true });
  const pkg = grpc.loadPackageDefinition(def) as any;
  return {
    workflow: pkg.temporal.api.workflowservice.v1.WorkflowService.service,
    test: pkg.temporal.api.testservice.v1.TestService.service,
  };
}

export const ts = (ms: number) => ({ seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1e6 });
export const durMs = (d: any): number => (d ? Number(d.seconds ?? 0) * 1000 + Math.floor((d.nanos ?? 0) / 1e6) : 0);
export const dur = (ms: number) => ({ seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1e6 });
export class GrpcError extends Error {
  constructor(readonly code: grpc.status, message: string, readonly details?: any) { super(message); }
}
