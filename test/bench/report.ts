import type { EcosystemComparison } from './sbom-compare.js';

export interface ToolRuns {
  seconds: number[];
  medianSeconds: number;
  peakRssMb: number;
}

export interface BenchResult {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; syft: string; cosign: string };
  runs: number;
  image: { reference: string; uncompressedMiB: number; compressedMiB: number; layers: number };
  sbom: {
    imagePassport: ToolRuns;
    syft: ToolRuns;
    /** image-passport's median time over Syft's: below 1 is faster. */
    timeRatio: number;
    packages: { imagePassport: number; syft: number; byEcosystem: EcosystemComparison[] };
    targets: { fasterThanSyft: boolean; peakRssAtMost256Mb: boolean };
  };
  gate: {
    images: number;
    imagePassport: ToolRuns;
    /** The same gate over one image: its start-up cost, apart from the per-image work. */
    imagePassportOneImage: ToolRuns;
    cosignSequential: ToolRuns;
    cosignParallel8: ToolRuns;
    ratioVsSequential: number;
    ratioVsParallel8: number;
  };
}

const pad = (text: string, width: number) => text.padEnd(width);
const seconds = (value: number) => `${value.toFixed(2)} s`;
const mb = (value: number) => `${value.toFixed(0)} MB`;
const yes = (value: boolean) => (value ? 'met' : 'NOT met');

/** The human table; the caller prints the JSON line after it. */
export function formatTable(result: BenchResult): string {
  const { sbom, gate } = result;
  const rows: [string, string, string][] = [
    ['SBOM of the image', 'median time', 'peak RSS'],
    ['  image-passport sbom', seconds(sbom.imagePassport.medianSeconds), mb(sbom.imagePassport.peakRssMb)],
    ['  syft', seconds(sbom.syft.medianSeconds), mb(sbom.syft.peakRssMb)],
    ['  ratio (image-passport / syft)', sbom.timeRatio.toFixed(2), (sbom.imagePassport.peakRssMb / sbom.syft.peakRssMb).toFixed(2)],
    [`Gate of ${gate.images} signed images`, 'median time', 'peak RSS'],
    ['  image-passport gate (one process)', seconds(gate.imagePassport.medianSeconds), mb(gate.imagePassport.peakRssMb)],
    ['  image-passport gate, 1 image only', seconds(gate.imagePassportOneImage.medianSeconds), mb(gate.imagePassportOneImage.peakRssMb)],
    ['  cosign verify-attestation, sequential', seconds(gate.cosignSequential.medianSeconds), mb(gate.cosignSequential.peakRssMb)],
    ['  cosign verify-attestation, 8 parallel', seconds(gate.cosignParallel8.medianSeconds), mb(gate.cosignParallel8.peakRssMb)],
    ['  ratio vs sequential / vs 8 parallel', gate.ratioVsSequential.toFixed(2), gate.ratioVsParallel8.toFixed(2)],
  ];
  const lines = rows.map(([a, b, c]) => `${pad(a, 42)}${pad(b, 14)}${c}`);
  lines.push('', `${pad('Packages per ecosystem', 42)}${pad('ours / syft', 14)}shared (name+version)`);
  for (const row of sbom.packages.byEcosystem) {
    lines.push(`  ${pad(row.ecosystem, 40)}${pad(`${row.ours} / ${row.syft}`, 14)}${row.shared}`);
    if (row.onlyOurs.length > 0) lines.push(`      only image-passport: ${row.onlyOurs.join(', ')}${row.ours - row.shared > row.onlyOurs.length ? ', …' : ''}`);
    if (row.onlySyft.length > 0) lines.push(`      only syft: ${row.onlySyft.join(', ')}${row.syft - row.shared > row.onlySyft.length ? ', …' : ''}`);
  }
  lines.push(`  ${pad('SPDX packages in total', 40)}${sbom.packages.imagePassport} / ${sbom.packages.syft}`);
  lines.push(
    '',
    `Image: ${result.image.reference}, ${result.image.uncompressedMiB.toFixed(0)} MiB uncompressed in ${result.image.layers} layers (${result.image.compressedMiB.toFixed(0)} MiB compressed); each tool ran ${result.runs}× (medians), interleaved.`,
    `Targets: faster than Syft: ${yes(sbom.targets.fasterThanSyft)}; peak RSS ≤ 256 MB: ${yes(sbom.targets.peakRssAtMost256Mb)}.`,
    `Machine: ${result.machine.cpus} cores (${result.machine.cpuModel}), ${result.machine.memoryGb} GB, Node ${result.machine.node}, syft ${result.machine.syft}, cosign ${result.machine.cosign}; ${result.date}.`,
  );
  return lines.join('\n');
}
