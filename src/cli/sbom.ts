import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createRegistryClient } from '../oci/client.js';
import { sbomsFor } from '../sign/sbom-statements.js';
import { resolveSignTarget } from '../sign/subjects.js';
import { parseImageReference, referenceTarget } from '../oci/reference.js';
import { UsageError } from '../usage-error.js';

const help = `usage: image-passport sbom <image> [--platform linux/amd64] [--format spdx-json|cyclonedx-json] [-o file]

Reads the image from its registry (a tag is resolved to its digest) and writes its SBOM.`;

export async function sbomCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      platform: { type: 'string' },
      format: { type: 'string', default: 'spdx-json' },
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(help);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`sbom takes one image, got ${positionals.length}\n${help}`);
  if (values.format !== 'spdx-json' && values.format !== 'cyclonedx-json') throw new UsageError(`--format "${values.format}" is not known: use spdx-json or cyclonedx-json`);
  const registry = createRegistryClient();
  const ref = parseImageReference(positionals[0]!);
  const { descriptor } = await registry.getManifest(ref, referenceTarget(ref));
  const target = await resolveSignTarget([positionals[0]!], descriptor.digest, registry);
  if (values.platform) {
    const [os, architecture, variant] = values.platform.split('/');
    const platforms = target.subjects.filter((subject) => subject.manifest !== undefined);
    const chosen = platforms.filter((subject) => !subject.platform || (subject.platform.os === os && subject.platform.architecture === architecture && (!variant || subject.platform.variant === variant)));
    if (chosen.length === 0) throw new UsageError(`${positionals[0]} has no platform ${values.platform}`);
    target.subjects = chosen;
  }
  const [sbom] = await sbomsFor(target, 'generate', values.format, registry);
  for (const warning of sbom!.warnings) console.error(`warning: ${warning}`);
  const text = JSON.stringify(sbom!.document, null, 2) + '\n';
  if (values.output) await writeFile(values.output, text);
  else process.stdout.write(text);
  return 0;
}
