import { accessSync, constants, statSync } from 'node:fs';
import { payloadKeysProblem, PAYLOAD_KEY_ID_VARIABLE, PAYLOAD_KEYS_VARIABLE } from '@lep/temporal-codec';
import { parseTrustProxy } from '../http/trust-proxy';
import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  Min,
  ArrayNotEmpty,
  IsArray,
  IsUrl,
  IsBoolean,
  ValidateBy,
} from 'class-validator';

/** A TCP port, given as a decimal string in the environment. */
export function IsPort(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (value === undefined || value === '' ? value : Number(value))),
    IsInt({ message: '$property must be a TCP port number' }),
    Min(1, { message: '$property must be a TCP port number' }),
    Max(65535, { message: '$property must be a TCP port number' }),
  );
}

/** postgres://user:password@host:port/database */
export function IsPostgresUrl(): PropertyDecorator {
  return applyDecorators(
    IsString({ message: '$property is required (postgres://user:password@host:port/database)' }),
    Matches(/^postgres(ql)?:\/\/[^/\s]+\/[^/\s?]+(\?\S*)?$/, {
      message: '$property must be a PostgreSQL URL postgres://user:password@host:port/database',
    }),
  );
}

const HOST_PORT = /^[A-Za-z0-9.\-[\]:]+:\d{1,5}$/;

/** "host:port" — a gRPC target such as the Temporal frontend. */
export function IsHostPort(): PropertyDecorator {
  return applyDecorators(
    IsString({ message: '$property is required (host:port)' }),
    Matches(HOST_PORT, { message: '$property must be host:port' }),
  );
}

/** Comma-separated "host:port" list, exposed to the service as an array. */
export function IsBrokerList(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : value,
    ),
    IsArray({ message: '$property is required (comma-separated host:port list)' }),
    ArrayNotEmpty({ message: '$property is required (comma-separated host:port list)' }),
    Matches(HOST_PORT, { each: true, message: '$property must be a comma-separated list of host:port' }),
  );
}

/** http(s)://host[:port] — an S3 endpoint or an upstream service. */
export function IsServiceUrl(): PropertyDecorator {
  return applyDecorators(
    IsString({ message: '$property is required (http(s)://host:port)' }),
    IsUrl(
      { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
      { message: '$property must be an http(s) URL' },
    ),
  );
}

export function IsSecret(minLength = 16): PropertyDecorator {
  return applyDecorators(
    IsString({ message: `$property is required (at least ${minLength} characters)` }),
    IsNotEmpty({ message: `$property is required (at least ${minLength} characters)` }),
    Matches(new RegExp(`^.{${minLength},}$`), {
      message: `$property must be at least ${minLength} characters`,
    }),
  );
}

/** "true" or "false" in the environment, exposed as a boolean. */
export function IsFlag(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean({ message: '$property must be true or false' }),
  );
}

/** Path of a file the service reads at start-up (a CA bundle, a client certificate or key). */
export function IsReadableFile(): PropertyDecorator {
  return applyDecorators(
    IsString({ message: '$property must be a file path' }),
    ValidateBy({
      name: 'isReadableFile',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isReadableFile(value),
        defaultMessage: (args) => `${args?.property} must name a readable file`,
      },
    }),
  );
}

function isReadableFile(file: string): boolean {
  try {
    accessSync(file, constants.R_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** TRUST_PROXY: off, a hop count, or the proxies' addresses (see parseTrustProxy for the rule). */
export function IsTrustProxy(): PropertyDecorator {
  return ValidateBy({
    name: 'isTrustProxy',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && trustProxyProblem(value) === undefined,
      defaultMessage: (args) =>
        typeof args?.value === 'string'
          ? (trustProxyProblem(args.value) ?? '')
          : `${args?.property} must be a number of proxies or a list of their addresses`,
    },
  });
}

function trustProxyProblem(value: string): string | undefined {
  try {
    parseTrustProxy(value);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Dotted path of a claim in an identity provider's tokens, e.g. realm_access.roles. */
export function IsClaimPath(): PropertyDecorator {
  return Matches(/^[A-Za-z0-9_:/-]+(\.[A-Za-z0-9_:/-]+)*$/, {
    message:
      '$property must be a claim path: names of letters, digits, _ - : / joined by dots, e.g. realm_access.roles',
  });
}

interface PayloadKeyVariables {
  TEMPORAL_PAYLOAD_KEYS?: string;
  TEMPORAL_PAYLOAD_KEY_ID?: string;
}

/**
 * One of the two variables that make the Temporal payload key ring (TEMPORAL_PAYLOAD_KEYS, TEMPORAL_PAYLOAD_KEY_ID):
 * refused, with a message naming it, when the pair does not make a ring because of this variable.
 */
export function IsPayloadKeyVariable(
  variable: typeof PAYLOAD_KEYS_VARIABLE | typeof PAYLOAD_KEY_ID_VARIABLE,
) {
  const problem = (env: PayloadKeyVariables) => {
    const found = payloadKeysProblem(env.TEMPORAL_PAYLOAD_KEYS, env.TEMPORAL_PAYLOAD_KEY_ID);
    return found?.variable === variable ? found.message : undefined;
  };
  return ValidateBy({
    name: 'isPayloadKeyVariable',
    validator: {
      validate: (_value: unknown, args) => problem(args?.object as PayloadKeyVariables) === undefined,
      defaultMessage: (args) => problem(args?.object as PayloadKeyVariables) ?? `${variable} is invalid`,
    },
  });
}
