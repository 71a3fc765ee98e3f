/** One record of a table file: its cells and the 1-based CSV line (or sheet row) it starts on. */
export interface TableRecord {
  line: number;
  cells: string[];
}
