import { HttpException, HttpStatus } from '@nestjs/common';

export interface FieldViolation {
  /** Path of the offending field, e.g. `party.idNumber`. */
  field: string;
  /** Stable machine-readable rule name, e.g. `isNotEmpty`. */
  rule: string;
  /** Chinese explanation shown to agency staff. */
  message: string;
}

/** Body of every error answer of every LEP API. */
export interface ApiErrorBody {
  statusCode: number;
  /** Stable code callers can branch on, e.g. `VALIDATION_FAILED`, `REVIEW_NOT_APPROVED`. */
  code: string;
  /** Chinese message for people. */
  message: string;
  violations?: FieldViolation[];
}

/** An expected, explained refusal: a stable code and a Chinese message. */
export class ApiError extends HttpException {
  constructor(status: HttpStatus, code: string, message: string, violations?: FieldViolation[]) {
    const body: ApiErrorBody = { statusCode: status, code, message, ...(violations ? { violations } : {}) };
    super(body, status);
  }
}
