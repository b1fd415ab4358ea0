import type { Reason } from '../policy/types.js';
import type { GateResult, ImageResult } from './gate-result.js';

/** `ghcr.io/acme/app:1.2.3 (k8s/app.yaml:21): <reason> — <fix>` */
export function denialMessage(image: ImageResult, reason: Reason): string {
  const where = image.locations.length > 0 ? ` (${image.locations.map((location) => `${location.file}:${location.line}`).join(', ')})` : '';
  return `${image.ref}${where}: ${reason.message} — ${reason.fix}`;
}

/** One line per reason the image was denied. */
export function denialMessages(image: ImageResult): string[] {
  return image.reasons.map((reason) => denialMessage(image, reason));
}

/** Every denial of the run, image by image. */
export function renderDenials(result: GateResult): string[] {
  return result.images.filter((image) => image.result === 'fail').flatMap(denialMessages);
}
