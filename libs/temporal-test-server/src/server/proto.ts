import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/** The WorkflowService and TestService definitions from the JSON descriptors the SDK ships. */
export function loadServices(): {
  workflowService: grpc.ServiceDefinition;
  testService: grpc.ServiceDefinition;
} {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const json = require('@temporalio/proto/protos/json-module');
  const definition = protoLoader.fromJSON(json, {
    keepCase: false,
    longs: String,
    enums: String,
    defaults: false,
    oneofs: true,
  });
  const loaded = grpc.loadPackageDefinition(definition) as unknown as {
    temporal: {
      api: {
        workflowservice: { v1: { WorkflowService: { service: grpc.ServiceDefinition } } };
        testservice: { v1: { TestService: { service: grpc.ServiceDefinition } } };
      };
    };
  };
  return {
    workflowService: loaded.temporal.api.workflowservice.v1.WorkflowService.service,
    testService: loaded.temporal.api.testservice.v1.TestService.service,
  };
}
