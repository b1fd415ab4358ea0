import { homedir } from 'node:os';
import path from 'node:path';

/** One cache for the lab's images, the SBOM fixtures and the peer tools, kept across clones. */
export function cacheRoot(): string {
  return process.env.IMAGE_PASSPORT_CACHE ?? path.join(homedir(), '.cache', 'image-passport');
}

/** Where scripts/install-peers.sh puts cosign, gh, crane, syft and distribution v3's `registry`. */
export function peerBinary(name: string): string {
  return path.join(cacheRoot(), 'bin', name);
}
