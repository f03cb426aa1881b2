import { describe, expect, it } from 'vitest';
import { applyJsonPatch, JsonPatchError } from './json-patch.ts';
import { applyMergePatch } from './merge-patch.ts';

const doc = { a: { b: [1, 2, 3], 'c/d': 'x', 'e~f': 'y' }, g: 'h' };

describe('JSON Patch (RFC 6902)', () => {
  it.each([
    ['add to an object', [{ op: 'add', path: '/a/z', value: 1 }], { ...doc, a: { ...doc.a, z: 1 } }],
    [
      'add into an array',
      [{ op: 'add', path: '/a/b/1', value: 9 }],
      { ...doc, a: { ...doc.a, b: [1, 9, 2, 3] } },
    ],
    [
      'append with -',
      [{ op: 'add', path: '/a/b/-', value: 4 }],
      { ...doc, a: { ...doc.a, b: [1, 2, 3, 4] } },
    ],
    ['remove', [{ op: 'remove', path: '/g' }], { a: doc.a }],
    [
      'replace with escapes',
      [{ op: 'replace', path: '/a/c~1d', value: 'z' }],
      { ...doc, a: { ...doc.a, 'c/d': 'z' } },
    ],
    ['~0 escapes ~', [{ op: 'remove', path: '/a/e~0f' }], { ...doc, a: { b: [1, 2, 3], 'c/d': 'x' } }],
    ['move', [{ op: 'move', from: '/g', path: '/a/g' }], { a: { ...doc.a, g: 'h' } }],
    ['copy', [{ op: 'copy', from: '/g', path: '/i' }], { ...doc, i: 'h' }],
    [
      'test then replace',
      [
        { op: 'test', path: '/g', value: 'h' },
        { op: 'replace', path: '/g', value: 'k' },
      ],
      { ...doc, g: 'k' },
    ],
  ])('%s', (_name, patch, expected) => {
    expect(applyJsonPatch(doc, patch)).toEqual(expected);
  });

  it.each([
    ['a failing test', [{ op: 'test', path: '/g', value: 'nope' }], false],
    ['a missing path', [{ op: 'replace', path: '/nope', value: 1 }], false],
    ['an index out of bounds', [{ op: 'remove', path: '/a/b/7' }], false],
    ['an unknown op', [{ op: 'frobnicate', path: '/g' }], true],
    ['a missing value', [{ op: 'add', path: '/x' }], true],
    ['not a list', { op: 'add' }, true],
  ])('refuses %s, leaving the document untouched', (_name, patch, malformed) => {
    const before = JSON.stringify(doc);
    let error: unknown;
    try {
      applyJsonPatch(doc, patch);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JsonPatchError);
    expect((error as JsonPatchError).malformed).toBe(malformed);
    expect(JSON.stringify(doc)).toBe(before);
  });
});

describe('JSON Merge Patch (RFC 7386)', () => {
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: ['b'] }, { a: ['c', 'd'] }, { a: ['c', 'd'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [['a'], { a: 'b' }, { a: 'b' }],
    [{ a: 'foo' }, 'bar', 'bar'],
  ])('%j + %j = %j', (target, patch, expected) => {
    expect(applyMergePatch(target, patch)).toEqual(expected);
  });
});
