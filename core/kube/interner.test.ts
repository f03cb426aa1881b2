import { describe, expect, it } from 'vitest';
import { Interner } from './interner.ts';

describe('Interner', () => {
  it('returns the first of equal values, frozen, and leaves primitives alone', () => {
    const interner = new Interner();
    const first = interner.intern({ app: 'web', tier: ['a', 'b'] });
    const second = interner.intern({ app: 'web', tier: ['a', 'b'] });
    expect(second).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.tier)).toBe(true);
    expect(interner.intern({ app: 'db' })).not.toBe(first);
    expect(interner.intern(undefined)).toBeUndefined();
    expect(interner.intern('x')).toBe('x');
  });

  it('starts again when full, so memory stays bounded', () => {
    const interner = new Interner(2);
    const a = interner.intern({ n: 1 });
    interner.intern({ n: 2 });
    interner.intern({ n: 3 });
    expect(interner.intern({ n: 1 })).not.toBe(a);
  });
});
