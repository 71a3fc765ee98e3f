import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** The header that carried the caller's credential, to present the same credential to the registry and evidence. */
export type CallerCredential = Record<string, string>;

/**
 * The documents service acts on the caller's behalf: it reads the registry and stores in the evidence store with
 * the caller's own credential (the guard has already checked it), so those services apply their own scope and
 * roles to the person, and their logs name the person, not this service.
 */
export const CurrentCredential: () => ParameterDecorator = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CallerCredential => {
    const request = context.switchToHttp().getRequest<Request>();
    const authorization = request.headers.authorization;
    if (authorization) return { authorization };
    const apiKey = request.headers['x-api-key'];
    return typeof apiKey === 'string' ? { 'x-api-key': apiKey } : {};
  },
);
