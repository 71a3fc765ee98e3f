/**
 * Why a file cannot be read as a table at all: the whole import stops before anything is sent. `code` is stable
 * (scripts may match it); `message` is the Chinese sentence the operator reads, naming the line or row.
 */
export class ImportFileError extends Error {
  constructor(
    readonly code:
      | 'IMPORT_FILE_ENCODING'
      | 'IMPORT_FILE_FORMAT'
      | 'IMPORT_FILE_UNREADABLE'
      | 'IMPORT_FILE_HEADER'
      | 'IMPORT_CSV_SYNTAX',
    message: string,
    /** 1-based line of a CSV file or row of the sheet, when the problem has one. */
    readonly line?: number,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}
