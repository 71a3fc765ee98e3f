#!/usr/bin/env node
// Runs the in-memory Temporal test server until SIGINT/SIGTERM. Needs the built dist/ (`npx tsc -b libs/temporal-test-server`).
// Usage: lep-temporal-test-server [--port N] [--no-time-skipping]
const { TemporalTestServer } = require('../dist');

function parseArguments(argv) {
  const options = { port: 0, timeSkipping: true };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--no-time-skipping') options.timeSkipping = false;
    else if (argument === '--port') options.port = Number(argv[++index]);
    else if (argument.startsWith('--port=')) options.port = Number(argument.slice('--port='.length));
    else throw new Error(`未知参数: ${argument}`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)
    throw new Error('端口无效');
  return options;
}

async function main() {
  const server = await TemporalTestServer.start(parseArguments(process.argv.slice(2)));
  console.log(`listening on ${server.address}`);
  const stop = () => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
