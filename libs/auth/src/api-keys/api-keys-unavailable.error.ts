/** The key store could not be asked (registry down): the caller is not at fault, so this is no 401. */
export class ApiKeysUnavailableError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'ApiKeysUnavailableError';
  }
}
