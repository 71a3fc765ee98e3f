import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Node's HTTP parser hands an upload's body over in 64 KB buffers, each its own off-heap allocation, freed only
 * when the garbage collector finds its small on-heap handle dead. Those handles hardly fill the young generation,
 * so V8 collects only once off-heap memory has grown by its external-memory margin (64 MB): the service's RSS
 * rose by that much on every large upload (issue #22, heap and off-heap sampled during `bench/evidence`).
 * A young-generation collection (a scavenge, about a millisecond) after each part frees the spent buffers, so
 * memory stays at the parts in flight whatever the file size.
 */
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as (options: { type: 'minor' }) => void;

/** Frees the request buffers already copied into a part. */
export function releaseSpentBuffers(): void {
  collect({ type: 'minor' });
}
