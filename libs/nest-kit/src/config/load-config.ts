import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationError } from 'class-validator';

/** Raised at start-up when the environment does not satisfy a service's config class. */
export class InvalidEnvironmentError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`invalid environment: ${problem}`);
    this.name = 'InvalidEnvironmentError';
  }
}

type ConfigClass<T> = new () => T;

function firstProblem(errors: ValidationError[]): { variable: string; problem: string } {
  const error = errors[0];
  const messages = Object.values(error.constraints ?? {});
  return {
    variable: error.property,
    problem: messages[messages.length - 1] ?? `${error.property} is invalid`,
  };
}

/** The variables a config class declares: those with a default and those with a validation rule. */
function declaredVariables(configClass: ConfigClass<object>, defaults: object): Set<string> {
  const rules = getMetadataStorage().getTargetValidationMetadatas(configClass, '', true, false);
  return new Set([...Object.keys(defaults), ...rules.map((rule) => rule.propertyName)]);
}

/**
 * Builds a service's typed config from the environment, applying the class's defaults, and fails on the
 * first invalid or missing variable with a message naming it (the service prints it as its one last line).
 * The config holds only what the class declares: the rest of the environment (PATH, other programs' secrets)
 * never travels with it into modules, logs or error reports.
 */
export function loadConfig<T extends object>(
  configClass: ConfigClass<T>,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const defaults = new configClass() as Record<string, unknown>;
  const declared = declaredVariables(configClass, defaults);
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(env)) {
    if (declared.has(key) && value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(configClass, { ...defaults, ...raw }, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: true });
  if (errors.length > 0) {
    const { variable, problem } = firstProblem(errors);
    throw new InvalidEnvironmentError(variable, problem);
  }
  return config;
}
