export type PackageType = 'deb' | 'apk' | 'rpm' | 'python' | 'npm' | 'go-module' | 'java-archive' | 'rust-crate';

export interface Package {
  name: string;
  version: string;
  type: PackageType;
  purl: string;
  /** an SPDX license expression, or undefined when none could be derived */
  licenses?: string;
  /** the layer that holds the file the package was read from */
  layerDigest: string;
  /** the file the package was read from, absolute inside the image */
  path: string;
}

export interface OperatingSystem {
  id: string;
  versionId?: string;
  prettyName?: string;
}
