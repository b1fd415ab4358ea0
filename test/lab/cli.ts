import { startLab } from './start.js';

/** `npm run lab`: the lab until Ctrl-C, and the environment a workflow step would see as `export` lines. */
function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

const started = Date.now();
process.stderr.write('image-passport lab: starting (the first run builds the images, later runs take seconds)…\n');
let lab: Awaited<ReturnType<typeof startLab>>;
try {
  lab = await startLab();
} catch (error) {
  process.stderr.write(`image-passport lab: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
for (const [key, value] of Object.entries(lab.info.env)) process.stdout.write(`export ${key}=${shellQuote(value)}\n`);
process.stderr.write(`image-passport lab: up in ${((Date.now() - started) / 1000).toFixed(1)} s; details in ${lab.info.labFile}; Ctrl-C stops it.\n`);

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`image-passport lab: ${signal}, stopping…\n`);
  lab.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGHUP', () => shutdown('SIGHUP'));
