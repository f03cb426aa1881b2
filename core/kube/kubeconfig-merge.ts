import { load as parseYaml } from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';

/** A kubeconfig as written on disk, reduced to what merging needs to know. */
export interface RawKubeconfig {
  clusters: NamedEntry[];
  users: NamedEntry[];
  contexts: NamedEntry[];
  'current-context'?: string;
}

export interface NamedEntry {
  name: string;
  [field: string]: unknown;
}

export interface KubeconfigProblem {
  file: string;
  message: string;
}

export interface MergedKubeconfig {
  /** The merged config, relative paths made absolute against the file that named them. */
  raw: RawKubeconfig;
  /** Files that were read (missing ones are skipped silently, as kubectl does). */
  files: string[];
  /** Files that could not be used, each with why. Their contexts are absent; the rest load. */
  problems: KubeconfigProblem[];
}

/** Fields that hold file paths, by section: kubectl resolves them against the file's folder. */
const pathFields = {
  cluster: ['certificate-authority'],
  user: ['client-certificate', 'client-key', 'tokenFile'],
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function absolutize(
  section: Record<string, unknown>,
  fields: readonly string[],
  base: string,
): Record<string, unknown> {
  const copy = { ...section };
  for (const field of fields) {
    const value = copy[field];
    if (typeof value === 'string' && value !== '' && !isAbsolute(value)) copy[field] = resolve(base, value);
  }
  return copy;
}

/** Exec plugin commands given as a relative path (with a separator) are relative to the file too. */
function absolutizeExec(user: Record<string, unknown>, base: string): Record<string, unknown> {
  const exec = user['exec'];
  if (!isRecord(exec) || typeof exec['command'] !== 'string') return user;
  const command = exec['command'];
  if (isAbsolute(command) || !/[\\/]/.test(command)) return user;
  return { ...user, exec: { ...exec, command: resolve(base, command) } };
}

/**
 * client-node ignores `tokenFile`; kubectl reads the token from it. Read it here so bearer-token
 * files (projected service-account tokens, CI secrets) work the same. The file is re-read
 * every time the kubeconfig is loaded, which the collector does on reconnect.
 */
function inlineTokenFile(user: Record<string, unknown>): Record<string, unknown> {
  const file = user['tokenFile'];
  if (typeof file !== 'string' || file === '' || typeof user['token'] === 'string') return user;
  try {
    return { ...user, token: readFileSync(file, 'utf8').trim() };
  } catch (error) {
    throw new Error(`tokenFile ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function entries(value: unknown, section: 'cluster' | 'user' | 'context', base: string): NamedEntry[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error(`"${section}s" must be a list`);
  return value.map((item, index) => {
    if (!isRecord(item) || typeof item['name'] !== 'string' || item['name'] === '') {
      throw new Error(`${section}s[${index}] has no name`);
    }
    const body = item[section];
    if (body !== undefined && !isRecord(body))
      throw new Error(`${section}s[${index}].${section} must be a map`);
    if (section === 'context' || !body) return { ...item, name: item['name'] };
    let fixed = absolutize(body, pathFields[section], base);
    if (section === 'user') fixed = inlineTokenFile(absolutizeExec(fixed, base));
    return { ...item, name: item['name'], [section]: fixed };
  });
}

/** Parses one file into its sections; throws with a readable reason when it is not a kubeconfig. */
export function parseKubeconfigFile(file: string): RawKubeconfig {
  const text = readFileSync(file, 'utf8');
  const parsed: unknown = parseYaml(text);
  if (parsed === undefined || parsed === null) return { clusters: [], users: [], contexts: [] };
  if (!isRecord(parsed)) throw new Error('it is not a YAML map');
  const base = dirname(resolve(file));
  const current = parsed['current-context'];
  return {
    clusters: entries(parsed['clusters'], 'cluster', base),
    users: entries(parsed['users'], 'user', base),
    contexts: entries(parsed['contexts'], 'context', base),
    ...(typeof current === 'string' && current !== '' ? { 'current-context': current } : {}),
  };
}

function mergeByName(target: NamedEntry[], seen: Set<string>, more: readonly NamedEntry[]): void {
  for (const entry of more) {
    if (seen.has(entry.name)) continue; // kubectl: the first file to define a name wins
    seen.add(entry.name);
    target.push(entry);
  }
}

/**
 * Merges kubeconfig files the way kubectl does (client-go's loading rules): for clusters, users
 * and contexts the first file that defines a name wins; current-context comes from the first
 * file that sets one. Unlike kubectl, a file that does not parse does not stop everything: it
 * is reported and skipped, so one broken file never hides every other cluster.
 */
export function mergeKubeconfigFiles(files: readonly string[]): MergedKubeconfig {
  const raw: RawKubeconfig = { clusters: [], users: [], contexts: [] };
  const seen = { clusters: new Set<string>(), users: new Set<string>(), contexts: new Set<string>() };
  const read: string[] = [];
  const problems: KubeconfigProblem[] = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    let parsed: RawKubeconfig;
    try {
      parsed = parseKubeconfigFile(file);
    } catch (error) {
      const reason = (error as Error).message.split('\n')[0];
      problems.push({
        file,
        message: `Kubeconfig ${file} could not be read: ${reason}. Its contexts are skipped; fix the file.`,
      });
      continue;
    }
    read.push(file);
    mergeByName(raw.clusters, seen.clusters, parsed.clusters);
    mergeByName(raw.users, seen.users, parsed.users);
    mergeByName(raw.contexts, seen.contexts, parsed.contexts);
    if (!raw['current-context'] && parsed['current-context'])
      raw['current-context'] = parsed['current-context'];
  }
  return { raw, files: read, problems };
}
