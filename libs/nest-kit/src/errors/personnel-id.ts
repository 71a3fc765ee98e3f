import { ValidateBy, type ValidationOptions } from 'class-validator';
import { PERSONNEL_ID_MESSAGE, PERSONNEL_ID_RULE, isPersonnelId } from '@lep/contracts';

/** A DTO field that holds a personnel id (or, with `{ each: true }`, a list of them): refused as PERSONNEL_ID_RULE. */
export function IsPersonnelId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: PERSONNEL_ID_RULE,
      validator: {
        validate: (value) => isPersonnelId(value),
        defaultMessage: () => PERSONNEL_ID_MESSAGE,
      },
    },
    options,
  );
}
