import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/*
 * The garbage collector, called where the service knows better than V8's heuristics when much has just died
 * (issue #22: the evidence service's peak RSS, heap and off-heap sampled during `bench/evidence`).
 */
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as (options?: { type: 'minor' }) => void;

/**
 * Node's HTTP parser hands an upload's body over in 64 KB buffers, each its own off-heap allocation, freed only
 * when the collector finds its small on-heap handle dead. Those handles hardly fill the young generation, so V8
 * collects only once off-heap memory has grown by its external-memory margin (64 MB): the service's RSS rose by
 * that much on large uploads. A young-generation collection (a scavenge, about a millisecond) after each part
 * frees the buffers already copied into it, so memory stays at the parts in flight whatever the file size.
 */
export function releaseSpentBuffers(): void {
  collect({ type: 'minor' });
}

/**
 * Start-up (module scan, OpenAPI document, migrations) leaves the heap at about twice what stays live, and an
 * idle service is not collected again for a long while: one full collection once it listens returns about
 * 30 MB of RSS that every upload would otherwise count on top.
 */
export function releaseStartupGarbage(): void {
  collect();
}

/**
 * Part buffers whose part has been sent, kept for the next part of any upload. A part buffer outlives a few
 * scavenges, so once dropped it is freed only by a full collection, which V8 starts after off-heap memory has
 * grown by 64 MB: without reuse across uploads, each upload in a row added its parts' worth (24 MB) to the RSS
 * (issue #22). One pool per part size, holding at most `keep` buffers; a buffer taken for content small enough to
 * stay in memory is given back once its bytes are copied out.
 */
export class SpareParts {
  private readonly buffers: Buffer[] = [];

  constructor(
    private readonly partSize: number,
    private readonly keep: number,
  ) {}

  pop(): Buffer | undefined {
    return this.buffers.pop();
  }

  /** Gives back a whole part buffer whose bytes are no longer needed. */
  push(buffer: Buffer): void {
    if (buffer.length === this.partSize && this.buffers.length < this.keep) this.buffers.push(buffer);
  }

  /** A copy of the first `length` bytes of `buffer`, which is given back. */
  release(buffer: Buffer, length: number): Buffer {
    const bytes = Buffer.from(buffer.subarray(0, length));
    this.push(buffer);
    return bytes;
  }
}

const spareParts = new Map<number, SpareParts>();

export function sparePartsOf(partSize: number, keep: number): SpareParts {
  let pool = spareParts.get(partSize);
  if (!pool) spareParts.set(partSize, (pool = new SpareParts(partSize, keep)));
  return pool;
}
