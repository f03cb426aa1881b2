import { isJsonObject, jsonEqual, type JsonValue } from './json.ts';

/**
 * JSON Patch (RFC 6902, `application/json-patch+json`): a list of add / remove / replace /
 * move / copy / test operations addressed by JSON Pointers (RFC 6901). Any failing operation
 * fails the whole patch, which leaves the target untouched.
 */

export class JsonPatchError extends Error {
  constructor(
    message: string,
    /** True when the patch itself is malformed (400) rather than inapplicable (422). */
    readonly malformed = false,
  ) {
    super(message);
    this.name = 'JsonPatchError';
  }
}

interface Operation {
  op: string;
  path: string;
  from?: string;
  value?: JsonValue;
  hasValue: boolean;
}

export function applyJsonPatch(target: JsonValue, patch: unknown): JsonValue {
  if (!Array.isArray(patch)) throw new JsonPatchError('a JSON patch must be a list of operations', true);
  let document = structuredClone(target);
  for (const raw of patch) {
    const operation = readOperation(raw);
    document = applyOperation(document, operation);
  }
  return document;
}

function readOperation(raw: unknown): Operation {
  if (!isJsonObject(raw)) throw new JsonPatchError('each JSON patch operation must be an object', true);
  const { op, path, from } = raw;
  if (typeof op !== 'string') throw new JsonPatchError('missing "op" in a JSON patch operation', true);
  if (typeof path !== 'string')
    throw new JsonPatchError(`missing "path" in a JSON patch "${op}" operation`, true);
  return {
    op,
    path,
    ...(typeof from === 'string' ? { from } : {}),
    ...(raw.value !== undefined ? { value: raw.value } : {}),
    hasValue: Object.hasOwn(raw, 'value'),
  };
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new JsonPatchError(`invalid JSON pointer "${pointer}"`, true);
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function get(document: JsonValue, tokens: readonly string[], pointer: string): JsonValue {
  let node: JsonValue = document;
  for (const token of tokens) {
    if (Array.isArray(node)) {
      const index = arrayIndex(token, node.length, false, pointer);
      node = node[index] as JsonValue;
    } else if (isJsonObject(node) && Object.hasOwn(node, token)) {
      node = node[token] as JsonValue;
    } else {
      throw new JsonPatchError(`path "${pointer}" does not exist`);
    }
  }
  return node;
}

function arrayIndex(token: string, length: number, forInsert: boolean, pointer: string): number {
  if (forInsert && token === '-') return length;
  if (!/^(0|[1-9]\d*)$/.test(token))
    throw new JsonPatchError(`invalid array index "${token}" in "${pointer}"`);
  const index = Number(token);
  if (index > length || (!forInsert && index >= length)) {
    throw new JsonPatchError(`array index ${index} out of bounds in "${pointer}"`);
  }
  return index;
}

/** The container of the pointer's last token and that token. */
function parentOf(document: JsonValue, pointer: string): { parent: JsonValue; last: string } {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) throw new JsonPatchError('the root cannot be the target of this operation');
  const last = tokens.pop() as string;
  return { parent: get(document, tokens, pointer), last };
}

function add(document: JsonValue, pointer: string, value: JsonValue): JsonValue {
  if (pointer === '') return value;
  const { parent, last } = parentOf(document, pointer);
  if (Array.isArray(parent)) parent.splice(arrayIndex(last, parent.length, true, pointer), 0, value);
  else if (isJsonObject(parent)) parent[last] = value;
  else throw new JsonPatchError(`path "${pointer}" does not exist`);
  return document;
}

function remove(document: JsonValue, pointer: string): { document: JsonValue; removed: JsonValue } {
  const { parent, last } = parentOf(document, pointer);
  if (Array.isArray(parent)) {
    const [removed] = parent.splice(arrayIndex(last, parent.length, false, pointer), 1);
    return { document, removed: removed as JsonValue };
  }
  if (isJsonObject(parent) && Object.hasOwn(parent, last)) {
    const removed = parent[last] as JsonValue;
    delete parent[last];
    return { document, removed };
  }
  throw new JsonPatchError(`path "${pointer}" does not exist`);
}

function applyOperation(document: JsonValue, operation: Operation): JsonValue {
  const needValue = () => {
    if (!operation.hasValue)
      throw new JsonPatchError(`missing "value" in a JSON patch "${operation.op}" operation`, true);
    return structuredClone(operation.value ?? null);
  };
  const needFrom = () => {
    if (operation.from === undefined)
      throw new JsonPatchError(`missing "from" in a JSON patch "${operation.op}" operation`, true);
    return operation.from;
  };
  switch (operation.op) {
    case 'add':
      return add(document, operation.path, needValue());
    case 'remove':
      return remove(document, operation.path).document;
    case 'replace': {
      const value = needValue();
      if (operation.path === '') return value;
      get(document, parsePointer(operation.path), operation.path);
      return add(remove(document, operation.path).document, operation.path, value);
    }
    case 'move': {
      const from = needFrom();
      if (operation.path.startsWith(`${from}/`))
        throw new JsonPatchError(`cannot move "${from}" into its own child`);
      const { document: without, removed } = remove(document, from);
      return add(without, operation.path, removed);
    }
    case 'copy': {
      const from = needFrom();
      const value = structuredClone(get(document, parsePointer(from), from));
      return add(document, operation.path, value);
    }
    case 'test': {
      const value = needValue();
      const actual = get(document, parsePointer(operation.path), operation.path);
      if (!jsonEqual(actual, value)) throw new JsonPatchError(`testing value ${operation.path} failed`);
      return document;
    }
    default:
      throw new JsonPatchError(`Unexpected kind: ${operation.op}`, true);
  }
}
