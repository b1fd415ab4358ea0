import type { Readable } from 'node:stream';

export interface LayerDescriptor {
  digest: string;
  mediaType: string;
  size: number;
}

export interface ImagePlatform {
  os: string;
  architecture: string;
  variant?: string;
}

/** One platform image as read from a registry; the SBOM code never talks to the registry itself. */
export interface ImageSource {
  /** e.g. "127.0.0.1:5000/lab/app" */
  name: string;
  /** the platform manifest digest */
  manifestDigest: string;
  /** the requested index digest when the image was an index */
  indexDigest?: string;
  platform?: ImagePlatform;
  /** bottom layer first, as in the manifest */
  layers: LayerDescriptor[];
  openLayer(layer: LayerDescriptor): Promise<NodeJS.ReadableStream | Readable>;
}
