import type { GateResult } from './gate-result.js';

export interface Annotation {
  file: string;
  line: number;
  column: number;
  title: string;
  message: string;
}

/** One annotation per place a denied image is written, on its manifest line. */
export function annotationsFor(result: GateResult): Annotation[] {
  return result.images
    .filter((image) => image.result === 'fail')
    .flatMap((image) =>
      image.locations.map((location) => ({
        file: location.file,
        line: location.line,
        column: location.column,
        title: `image-passport: ${image.ref} denied`,
        message: image.reasons.map((reason) => `${image.ref}: ${reason.message} — ${reason.fix}`).join('\n'),
      })),
    );
}
