/**
 * A China day's record anchors sealed (domain.md R6): every case record head anchored on `anchorDate`, as leaves
 * `recordAnchorLeaf(...)` sorted by case id (UTF-16 code units, as JavaScript sorts), under one RFC 9162 Merkle tree head. Published outside the case
 * database (the publication service keeps and serves it), so an anchor rewritten in that database no longer
 * matches a root held elsewhere.
 */
export interface RecordAnchorsSealedData {
  anchorDate: string;
  /** Leaves in the tree: the cases whose heads were anchored that day. */
  caseCount: number;
  /** Merkle tree head, hex SHA-256. */
  root: string;
  sealedAt: string;
}

/** An anchored head as it enters its day's tree. */
export interface RecordAnchorLeafFields {
  caseId: string;
  anchorDate: string;
  sequence: number;
  hash: string;
}

/**
 * The leaf text of an anchor: the JSON array `[caseId, anchorDate, sequence, hash]` — a case number may hold any
 * separator one could pick, a JSON string cannot be read two ways.
 */
export function recordAnchorLeaf(anchor: RecordAnchorLeafFields): string {
  return JSON.stringify([anchor.caseId, anchor.anchorDate, anchor.sequence, anchor.hash]);
}

/**
 * How a 案卷 proves its anchor belongs to its day's published tree head: the anchor, its place in the day's
 * sorted leaves, the day's size and root, and the audit path (RFC 9162 §2.1.3).
 */
export interface RecordAnchorProof {
  anchor: RecordAnchorLeafFields;
  leafIndex: number;
  treeSize: number;
  root: string;
  auditPath: string[];
}
