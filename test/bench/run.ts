import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { startLab, type Lab } from '../lab/start.js';
import type { LabInfo } from '../lab/lab-info.js';
import { pushBigImage, type BigImage } from './big-image.js';
import { cliEnv, cosignArgs, gateArgs, pushGateImages, signImage, writeManifest, type SignedImage } from './gate-images.js';
import { measure, median, requireGnuTime, type Measured } from './measure.js';
import { formatTable, type BenchResult, type ToolRuns } from './report.js';
import { compareCatalogues, readCatalogue } from './sbom-compare.js';
import { peerBinary } from '../lab/cache.js';

/**
 * `npm run bench`: image-passport against its peers, measured in the same run on the same lab registry.
 * BENCH_RUNS (default 3) runs of each tool, interleaved so neither profits from the other's warm caches.
 */
const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(repoRoot, 'dist', 'cli', 'index.js');
const BIN = process.env.IMAGE_PASSPORT_BIN ?? path.dirname(peerBinary('syft'));
const SYFT = path.join(BIN, 'syft');
const COSIGN = path.join(BIN, 'cosign');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const GATE_IMAGES = 12;
const PARALLEL = 8;
const RSS_TARGET_MB = 256;
/** When set, both SBOMs of the last run are kept there for a closer look. */
const KEEP_DIR = process.env.BENCH_OUT;

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function checkPrerequisites(): void {
  requireGnuTime();
  if (!existsSync(CLI)) throw new Error(`${path.relative(repoRoot, CLI)} is missing: build it with node scripts/build.mjs cli`);
  for (const tool of [SYFT, COSIGN]) if (!existsSync(tool)) throw new Error(`${tool} is missing: install it there or point IMAGE_PASSPORT_BIN at a folder holding syft and cosign`);
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`BENCH_RUNS must be a positive whole number, not ${process.env.BENCH_RUNS}`);
}

/** The module version a Go binary was built from (`go version -m`), since `go install` builds print none of their own. */
function goModuleVersion(binary: string): string {
  const result = spawnSync('go', ['version', '-m', binary], { encoding: 'utf8' });
  return /^\s+mod\s+\S+\s+(\S+)/m.exec(result.stdout ?? '')?.[1] ?? 'unknown version';
}

function toolRuns(measured: Measured[]): ToolRuns {
  const seconds = measured.map((run) => run.seconds);
  return { seconds, medianSeconds: median(seconds), peakRssMb: Math.max(...measured.map((run) => run.peakRssMb)) };
}

async function benchSbom(lab: LabInfo, image: BigImage, work: string): Promise<BenchResult['sbom']> {
  const ours: Measured[] = [];
  const syft: Measured[] = [];
  const outDir = KEEP_DIR ? path.resolve(KEEP_DIR) : work;
  await mkdir(outDir, { recursive: true });
  const oursFile = path.join(outDir, 'image-passport.spdx.json');
  const syftFile = path.join(outDir, 'syft.spdx.json');
  const runOurs = async () => {
    ours.push(await measure('image-passport sbom', process.execPath, [CLI, 'sbom', image.digestReference, '--format', 'spdx-json', '-o', oursFile], cliEnv(lab), { cwd: repoRoot }));
    log(`  image-passport sbom: ${ours.at(-1)!.seconds.toFixed(2)} s, ${ours.at(-1)!.peakRssMb.toFixed(0)} MB`);
  };
  const syftEnv = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DOCKER_CONFIG: lab.dockerConfigDir,
    // The lab registry speaks plain HTTP with token auth; Syft reads the credentials from DOCKER_CONFIG.
    SYFT_REGISTRY_INSECURE_USE_HTTP: 'true',
    SYFT_CHECK_FOR_APP_UPDATE: 'false',
  };
  const runSyft = async () => {
    syft.push(await measure('syft', SYFT, ['scan', `registry:${image.digestReference}`, '-q', '-o', `spdx-json=${syftFile}`], syftEnv));
    log(`  syft: ${syft.at(-1)!.seconds.toFixed(2)} s, ${syft.at(-1)!.peakRssMb.toFixed(0)} MB`);
  };
  for (let run = 0; run < RUNS; run += 1) {
    log(`SBOM run ${run + 1}/${RUNS}`);
    if (run % 2 === 0) {
      await runOurs();
      await runSyft();
    } else {
      await runSyft();
      await runOurs();
    }
  }
  const oursCatalogue = await readCatalogue(oursFile);
  const syftCatalogue = await readCatalogue(syftFile);
  const imagePassport = toolRuns(ours);
  const peer = toolRuns(syft);
  return {
    imagePassport,
    syft: peer,
    timeRatio: imagePassport.medianSeconds / peer.medianSeconds,
    packages: { imagePassport: oursCatalogue.total, syft: syftCatalogue.total, byEcosystem: compareCatalogues(oursCatalogue, syftCatalogue) },
    targets: { fasterThanSyft: imagePassport.medianSeconds < peer.medianSeconds, peakRssAtMost256Mb: imagePassport.peakRssMb <= RSS_TARGET_MB },
  };
}

/** Wall time and the largest peak RSS of `images` cosign verifications, `parallel` at a time. */
async function cosignBatch(lab: LabInfo, images: SignedImage[], parallel: number): Promise<Measured> {
  const queue = [...images];
  const peaks: number[] = [];
  const started = process.hrtime.bigint();
  const worker = async () => {
    for (let image = queue.shift(); image; image = queue.shift()) {
      peaks.push((await measure(`cosign verify-attestation ${image.digestReference}`, COSIGN, cosignArgs(lab, image), cliEnv(lab))).peakRssMb);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, peakRssMb: Math.max(...peaks), stdout: '', stderr: '' };
}

/** A peer that passed everything would make its time meaningless: it must refuse a signer it was not told to trust. */
async function checkCosignRefusesOtherSigner(lab: LabInfo, image: SignedImage): Promise<void> {
  const args = cosignArgs(lab, image);
  args[args.indexOf('--certificate-identity') + 1] = 'https://github.com/evil/app/.github/workflows/release.yml@refs/heads/main';
  const refused = await measure('cosign with another identity', COSIGN, args, cliEnv(lab)).then(
    () => false,
    () => true,
  );
  if (!refused) throw new Error(`cosign verify-attestation accepted ${image.digestReference} for a signer it was not given: its times would not measure verification`);
}

async function runGate(lab: LabInfo, manifest: string): Promise<Measured> {
  const measured = await measure('image-passport gate', process.execPath, gateArgs(lab, manifest), cliEnv(lab), { cwd: repoRoot });
  const report = JSON.parse(measured.stdout) as { result: string };
  if (report.result !== 'pass') throw new Error(`image-passport gate did not pass the signed images: ${measured.stdout.slice(0, 500)}`);
  return measured;
}

async function benchGate(lab: LabInfo): Promise<BenchResult['gate']> {
  log(`pushing and signing ${GATE_IMAGES} images`);
  const images = await pushGateImages(lab, GATE_IMAGES);
  for (const image of images) await signImage(lab, repoRoot, image);
  const manifest = await writeManifest(images);
  const oneImage = await writeManifest(images.slice(0, 1));
  await checkCosignRefusesOtherSigner(lab, images[0]!);
  const gate: Measured[] = [];
  const gateOne: Measured[] = [];
  const sequential: Measured[] = [];
  const parallel: Measured[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    log(`gate run ${run + 1}/${RUNS}`);
    const steps = [
      async () => gate.push(await runGate(lab, manifest)),
      async () => gateOne.push(await runGate(lab, oneImage)),
      async () => sequential.push(await cosignBatch(lab, images, 1)),
      async () => parallel.push(await cosignBatch(lab, images, PARALLEL)),
    ];
    // Rotate the order each run, so no tool always goes first.
    for (let step = 0; step < steps.length; step += 1) await steps[(step + run) % steps.length]!();
    log(`  gate ${gate.at(-1)!.seconds.toFixed(2)} s (1 image: ${gateOne.at(-1)!.seconds.toFixed(2)} s), cosign sequential ${sequential.at(-1)!.seconds.toFixed(2)} s, cosign ×${PARALLEL} ${parallel.at(-1)!.seconds.toFixed(2)} s`);
  }
  const imagePassport = toolRuns(gate);
  const cosignSequential = toolRuns(sequential);
  const cosignParallel8 = toolRuns(parallel);
  return {
    images: GATE_IMAGES,
    imagePassport,
    imagePassportOneImage: toolRuns(gateOne),
    cosignSequential,
    cosignParallel8,
    ratioVsSequential: imagePassport.medianSeconds / cosignSequential.medianSeconds,
    ratioVsParallel8: imagePassport.medianSeconds / cosignParallel8.medianSeconds,
  };
}

async function main(): Promise<void> {
  checkPrerequisites();
  const work = await mkdtemp(path.join(tmpdir(), 'image-passport-bench-'));
  // A lab file of its own, so the bench never replaces the one a test run beside it reads.
  process.env.IMAGE_PASSPORT_LAB_FILE ??= path.join(work, 'lab.json');
  let lab: Lab | undefined;
  try {
    log('starting the lab');
    lab = await startLab();
    const info = lab.info;
    log('building (first run only) and pushing the ~1 GiB image');
    const image = await pushBigImage(info.cacheDir, info.layers.debian, path.join(info.cacheDir, 'lab-images', 'rootfs', 'debian-12-minbase'), { ...info.registry, ...info.credentials });
    log(`image ${image.digestReference}: ${(image.uncompressedBytes / 2 ** 20).toFixed(0)} MiB uncompressed`);
    const sbom = await benchSbom(info, image, work);
    const gate = await benchGate(info);
    const result: BenchResult = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        syft: goModuleVersion(SYFT),
        cosign: goModuleVersion(COSIGN),
      },
      runs: RUNS,
      image: { reference: image.reference, uncompressedMiB: image.uncompressedBytes / 2 ** 20, compressedMiB: image.compressedBytes / 2 ** 20, layers: image.layers },
      sbom,
      gate,
    };
    process.stdout.write(`${formatTable(result)}\n${JSON.stringify(result)}\n`);
  } finally {
    await lab?.stop();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
