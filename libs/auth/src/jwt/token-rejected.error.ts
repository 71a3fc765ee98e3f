/**
 * Why a token was refused. `detail` is English for the logs and the audit trail, never sent to the caller:
 * telling an attacker which check failed only helps them.
 */
export class TokenRejectedError extends Error {
  constructor(
    readonly reason: 'token-invalid' | 'token-expired',
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'TokenRejectedError';
  }
}

/** The identity provider's key set could not be fetched: the caller is not at fault, so this is no 401. */
export class SigningKeysUnavailableError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'SigningKeysUnavailableError';
  }
}
