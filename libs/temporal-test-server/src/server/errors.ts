import { status } from '@grpc/grpc-js';

/** An error answered to the caller with a gRPC status, as Temporal's frontend does. */
export class RpcError extends Error {
  constructor(
    readonly code: status,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (message: string) => new RpcError(status.NOT_FOUND, message);
export const invalidArgument = (message: string) => new RpcError(status.INVALID_ARGUMENT, message);
export const alreadyExists = (message: string) => new RpcError(status.ALREADY_EXISTS, message);
export const failedPrecondition = (message: string) => new RpcError(status.FAILED_PRECONDITION, message);
