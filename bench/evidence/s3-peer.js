// The S3 test peer (s3rver) in a process of its own, so that in the benchmark it shares an event loop with
// neither the uploading client nor the service. Prints its connection as one JSON line; stops on SIGTERM.
const { startS3 } = require('../../libs/testing/dist');

startS3().then((peer) => {
  process.stdout.write(`${JSON.stringify({ endpoint: peer.endpoint, ...peer.connection })}\n`);
  process.once('SIGTERM', () => void peer.stop().then(() => process.exit(0)));
});
