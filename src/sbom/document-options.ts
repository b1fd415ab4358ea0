export interface DocumentOptions {
  created: Date;
  /** a UUID that makes documentNamespace (SPDX) or serialNumber (CycloneDX) unique */
  uniqueId: string;
  toolName: string;
  toolVersion?: string;
}

/** "image-passport-0.1.0", the creator form SPDX asks for. */
export function toolLabel(options: DocumentOptions): string {
  return options.toolVersion ? `${options.toolName}-${options.toolVersion}` : options.toolName;
}
