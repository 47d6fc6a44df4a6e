#!/usr/bin/env node
// `npm run test:e2e:stress [-- <playwright args>]`: the e2e suite with every core kept busy by a
// CPU hog, and no retries, to prove the stories wait on what the app shows rather than on time.
// The hog is one spinning child process per core, started here and always stopped here.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const cores = Number(process.env.STRESS_CORES ?? availableParallelism());
const spin = 'for (;;) { Math.sqrt(Math.random()); }';
const hogs = Array.from({ length: cores }, () => spawn(process.execPath, ['-e', spin], { stdio: 'ignore' }));
const stopHogs = () => {
  for (const hog of hogs) if (hog.exitCode === null) hog.kill('SIGKILL');
};
process.on('exit', stopHogs);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (stopHogs(), process.exit(130)));

console.error(`e2e stress: ${cores} CPU hog(s) spinning, retries off`);
const args = ['playwright', 'test', '--retries=0', ...process.argv.slice(2)];
const run = spawn('npx', args, { stdio: 'inherit', env: { ...process.env, CI: process.env.CI ?? 'true' } });
run.on('exit', (code, signal) => {
  stopHogs();
  process.exit(code ?? (signal ? 1 : 0));
});
