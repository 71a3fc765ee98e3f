import { setFlagsFromString } from 'node:v8';

/*
 * V8's young generation starts at two 1 MB semi-spaces and doubles whenever much survives a scavenge, as nearly
 * everything does while Nest starts: by the time the service listens it has grown to its 2 × 16 MB maximum and
 * stays committed, ~31 MB of RSS, though the service allocates little on the heap afterwards — an upload's bytes
 * are off-heap buffers (issue #22, `bench/evidence` with EVIDENCE_MEMORY_LOG). Growth factor 1 keeps it at 2 MB.
 *
 * Set at run time rather than as a node option so that every way the service is started (the image, `npm start`,
 * the benches) gets it from main.ts alone; V8 reads the flag at each growth, so it must be set before start-up
 * allocates: main.ts imports this module first.
 */
setFlagsFromString('--semi-space-growth-factor=1');
