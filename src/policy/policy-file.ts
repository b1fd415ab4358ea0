import { readFile } from 'node:fs/promises';
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node, Scalar } from 'yaml';
import {
  DEFAULT_DENIED_TRIGGERS,
  DEFAULT_TRUST,
  GITHUB_ISSUER,
  MODES,
  PLATFORMS,
  RUNNERS,
  ensureIdentityPinned,
  parseChoice,
  parseCommit,
  parseImagePattern,
  parseIssuer,
  parseNumericId,
  parseOwner,
  parseRefPattern,
  parseRepository,
  parseRequirement,
  parseTrust,
  parseWorkflow,
} from './field-values.js';
import { FieldProblem, PolicyError } from './policy-error.js';
import { REQUIREMENT_NAMES } from './predicate-types.js';
import type { Policy, PolicyRule, SignerRule } from './types.js';

const TOP_KEYS = ['version', 'mode', 'trust', 'rules'];
const RULE_KEYS = ['images', 'signer', 'require', 'platforms', 'trust'];
const SIGNER_KEYS = ['issuer', 'workflow', 'repository', 'owner', 'refs', 'commit', 'runner', 'triggers', 'repository-id', 'owner-id'];
const TRIGGER_KEYS = ['allow', 'deny'];

export async function loadPolicyFile(file: string): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new PolicyError(`policy: "${file}" cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}) — check the path`);
  }
  return parsePolicy(text, file);
}

export function parsePolicy(text: string, file: string): Policy {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const reader = new NodeReader(file, lineCounter);
  const yamlError = document.errors[0];
  if (yamlError) throw new PolicyError(`${reader.at(yamlError.pos[0])}: ${yamlError.message.split('\n', 1)[0]} — fix the YAML`);
  const root = document.contents;
  if (!isMap(root)) throw new PolicyError(`${file}:1:1: the policy must be a mapping with version, mode, trust and rules — see docs/policy.md`);
  const top = reader.fields(root, '', TOP_KEYS);
  const version = top.get('version');
  if (!version) throw new PolicyError(`${file}:1:1: version: required — add "version: 1" at the top`);
  if (!isScalar(version) || version.value !== 1) throw new PolicyError(`${reader.atNode(version)}: version: only version 1 exists — write "version: 1"`);
  const rulesNode = top.get('rules');
  if (!rulesNode) throw new PolicyError(`${file}:1:1: rules: required — add at least one rule (see docs/policy.md)`);
  if (!isSeq(rulesNode) || rulesNode.items.length === 0) throw new PolicyError(`${reader.atNode(rulesNode)}: rules: expected a list of at least one rule`);
  const modeNode = top.get('mode');
  const trustNode = top.get('trust');
  return {
    version: 1,
    mode: modeNode ? reader.parse(modeNode, 'mode', (value) => parseChoice(value, MODES)) : 'enforce',
    trust: trustNode ? reader.strings(trustNode, 'trust').map(([value, node]) => reader.parseText(node, 'trust', value, parseTrust)) : DEFAULT_TRUST,
    rules: rulesNode.items.map((item, index) => readRule(reader, item as Node, `rules[${index}]`)),
    source: file,
  };
}

function readRule(reader: NodeReader, node: Node, field: string): PolicyRule {
  const fields = reader.fields(node, field, RULE_KEYS);
  const images = fields.get('images');
  const signer = fields.get('signer');
  if (!images) throw new PolicyError(`${reader.atNode(node)}: ${field}.images: required — name the images this rule covers, e.g. ghcr.io/acme/**`);
  if (!signer) throw new PolicyError(`${reader.atNode(node)}: ${field}.signer: required — say who must have signed, e.g. repository: acme/app`);
  const require = fields.get('require');
  const platforms = fields.get('platforms');
  const trust = fields.get('trust');
  const requirements = require
    ? reader.strings(require, `${field}.require`).map(([value, item]) => reader.parseText(item, `${field}.require`, value, parseRequirement))
    : [{ name: 'provenance', predicateTypes: REQUIREMENT_NAMES['provenance']! }];
  if (requirements.length === 0) throw new PolicyError(`${reader.atNode(require!)}: ${field}.require: name at least one attestation (provenance, sbom, signature or a predicate type)`);
  return {
    images: reader.strings(images, `${field}.images`).map(([value, item]) => reader.parseText(item, `${field}.images`, value, parseImagePattern)),
    signer: readSigner(reader, signer, `${field}.signer`),
    require: requirements,
    platforms: platforms ? reader.parse(platforms, `${field}.platforms`, (value) => parseChoice(value, PLATFORMS)) : 'index',
    ...(trust ? { trust: reader.strings(trust, `${field}.trust`).map(([value, item]) => reader.parseText(item, `${field}.trust`, value, parseTrust)) } : {}),
  };
}

function readSigner(reader: NodeReader, node: Node, field: string): SignerRule {
  const fields = reader.fields(node, field, SIGNER_KEYS);
  const optional = <T>(key: string, parse: (value: string) => T): T | undefined => {
    const value = fields.get(key);
    return value ? reader.parse(value, `${field}.${key}`, parse, key.endsWith('-id')) : undefined;
  };
  const refsNode = fields.get('refs');
  const workflow = optional('workflow', parseWorkflow);
  const repository = optional('repository', parseRepository);
  const owner = optional('owner', parseOwner);
  const commit = optional('commit', parseCommit);
  const repositoryId = optional('repository-id', parseNumericId);
  const ownerId = optional('owner-id', parseNumericId);
  const identity = {
    ...(workflow ? { workflow } : {}),
    ...(repository ? { repository } : {}),
    ...(owner ? { owner } : {}),
    ...(refsNode ? { refs: reader.strings(refsNode, `${field}.refs`).map(([value, item]) => reader.parseText(item, `${field}.refs`, value, parseRefPattern)) } : {}),
    ...(commit ? { commit } : {}),
    ...(repositoryId ? { repositoryId } : {}),
    ...(ownerId ? { ownerId } : {}),
  };
  try {
    ensureIdentityPinned(identity);
  } catch (problem) {
    throw new PolicyError(`${reader.atNode(node)}: ${field}: ${(problem as Error).message}`);
  }
  return {
    issuer: optional('issuer', parseIssuer) ?? GITHUB_ISSUER,
    ...identity,
    runner: optional('runner', (value) => parseChoice(value, RUNNERS)) ?? 'github-hosted',
    triggers: readTriggers(reader, fields.get('triggers'), `${field}.triggers`),
  };
}

function readTriggers(reader: NodeReader, node: Node | undefined, field: string): SignerRule['triggers'] {
  if (!node) return { deny: DEFAULT_DENIED_TRIGGERS };
  const names = (list: Node, listField: string) => reader.strings(list, listField).map(([value]) => value.trim());
  if (isSeq(node) || isScalar(node)) return { allow: names(node, field), deny: [] };
  const fields = reader.fields(node, field, TRIGGER_KEYS);
  const allow = fields.get('allow');
  const deny = fields.get('deny');
  if (allow) return { allow: names(allow, `${field}.allow`), deny: deny ? names(deny, `${field}.deny`) : [] };
  return { deny: [...DEFAULT_DENIED_TRIGGERS, ...(deny ? names(deny, `${field}.deny`) : [])] };
}

/** Reads YAML nodes with one-line errors that name file:line:column and the field. */
class NodeReader {
  constructor(
    private readonly file: string,
    private readonly lineCounter: LineCounter,
  ) {}

  at(offset: number): string {
    const { line, col } = this.lineCounter.linePos(offset);
    return `${this.file}:${line}:${col}`;
  }

  atNode(node: Node): string {
    return this.at(node.range?.[0] ?? 0);
  }

  fields(node: Node, field: string, known: string[]): Map<string, Node> {
    if (!isMap(node)) throw new PolicyError(`${this.atNode(node)}: ${field || 'policy'}: expected a mapping, found ${describeNode(node)}`);
    const result = new Map<string, Node>();
    for (const pair of node.items) {
      const key = pair.key as Node;
      const name = isScalar(key) ? String(key.value) : '';
      const keyField = field ? `${field}.${name}` : name;
      if (!known.includes(name)) throw new PolicyError(`${this.atNode(key)}: ${keyField}: unknown key — the keys here are ${known.join(', ')}`);
      if (!pair.value || (isScalar(pair.value) && pair.value.value === null)) throw new PolicyError(`${this.atNode(key)}: ${keyField}: has no value`);
      result.set(name, pair.value as Node);
    }
    return result;
  }

  text(node: Node, field: string, allowNumber = false): string {
    if (isScalar(node) && (typeof node.value === 'string' || (allowNumber && typeof node.value === 'number'))) return String(node.value);
    throw new PolicyError(`${this.atNode(node)}: ${field}: expected ${allowNumber ? 'a number or string' : 'a string'}, found ${describeNode(node)}`);
  }

  /** A string, or a list of strings, each with its own node for positions. */
  strings(node: Node, field: string): [string, Node][] {
    if (isSeq(node)) {
      return node.items.map((item, index) => [this.text(item as Node, `${field}[${index}]`), item as Node]);
    }
    return [[this.text(node, field), node]];
  }

  parse<T>(node: Node, field: string, parse: (value: string) => T, allowNumber = false): T {
    return this.parseText(node, field, this.text(node, field, allowNumber), parse);
  }

  parseText<T>(node: Node, field: string, value: string, parse: (value: string) => T): T {
    try {
      return parse(value);
    } catch (problem) {
      if (problem instanceof FieldProblem) throw new PolicyError(`${this.atNode(node)}: ${field}: ${problem.message}`);
      throw problem;
    }
  }
}

function describeNode(node: Node): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const value = (node as Scalar).value;
    return value === null ? 'nothing' : `${typeof value} ${JSON.stringify(value)}`;
  }
  return 'an alias';
}
