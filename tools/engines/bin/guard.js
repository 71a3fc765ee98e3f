// Runs one engine process for the Node process that started this guard (over an IPC channel), and makes sure the
// engine never outlives it: when that process goes away — even by SIGKILL, which no handler sees — the IPC
// channel closes, and the guard stops the engine and removes its data folder.
//
// Usage (from engine-process.ts): node guard.js <JSON {command, args, cwd, env, graceMs, removeOnOrphan}>
// Reports {started: pid} once the engine runs and {exited: {code, signal}} when it ends, then exits itself.
// SIGTERM to the guard stops the engine gracefully (SIGTERM, SIGKILL after graceMs); the engine's own pid can be
// SIGKILLed directly to simulate a crash.
const { spawn } = require('node:child_process');
const { rmSync } = require('node:fs');
const { setTimeout } = require('node:timers');

const spec = JSON.parse(process.argv[2]);
const engine = spawn(spec.command, spec.args, {
  cwd: spec.cwd,
  env: spec.env,
  // The guard's stdout and stderr are the engine's log file.
  stdio: ['ignore', 'inherit', 'inherit'],
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  engine.kill('SIGTERM');
  setTimeout(() => engine.kill('SIGKILL'), spec.graceMs).unref();
}

engine.once('spawn', () => process.send?.({ started: engine.pid }));
engine.once('error', (error) => {
  process.stderr.write(`cannot start ${spec.command}: ${error.message}\n`);
  process.exitCode = 127;
  process.disconnect?.();
});
engine.once('exit', (code, signal) => {
  if (orphaned && spec.removeOnOrphan) rmSync(spec.removeOnOrphan, { recursive: true, force: true });
  if (process.connected) process.send({ exited: { code, signal } }, () => process.exit(0));
  else process.exit(0);
});

let orphaned = false;
process.on('disconnect', () => {
  orphaned = true;
  stop();
});
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('SIGHUP', stop);
