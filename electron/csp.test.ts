import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  installContentSecurityPolicy,
  withContentSecurityPolicy,
} from './csp.ts';

vi.mock('electron', () => ({}));

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('CONTENT_SECURITY_POLICY', () => {
  it.each([
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self' data:"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ])('%s is %s', (name, value) => {
    expect(directives(CONTENT_SECURITY_POLICY).get(name)).toBe(value);
  });

  it('never allows eval or inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives(CONTENT_SECURITY_POLICY).get('script-src')).not.toContain('unsafe-inline');
  });

  it('has a meta-tag form without frame-ancestors, otherwise identical', () => {
    const meta = directives(META_CONTENT_SECURITY_POLICY);
    expect(meta.has('frame-ancestors')).toBe(false);
    const header = directives(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(meta).toEqual(header);
  });
});

describe('withContentSecurityPolicy', () => {
  it.each<[string, Record<string, string[]> | undefined, Record<string, string[]>]>([
    ['no headers', undefined, { 'Content-Security-Policy': ['P'] }],
    [
      'other headers kept',
      { 'Content-Type': ['text/html'] },
      { 'Content-Type': ['text/html'], 'Content-Security-Policy': ['P'] },
    ],
    [
      'an existing policy kept beside ours',
      { 'content-security-policy': ['Q'] },
      { 'content-security-policy': ['Q', 'P'] },
    ],
  ])('%s', (_name, headers, expected) => {
    expect(withContentSecurityPolicy(headers, 'P')).toEqual(expected);
  });
});

describe('installContentSecurityPolicy', () => {
  it('adds the policy to every response of the session', () => {
    const onHeadersReceived = vi.fn();
    installContentSecurityPolicy({ webRequest: { onHeadersReceived } } as never);
    const listener = onHeadersReceived.mock.calls[0]?.[0] as (
      details: { responseHeaders?: Record<string, string[]> },
      callback: (response: unknown) => void,
    ) => void;
    const callback = vi.fn();
    listener({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: {
        'Content-Type': ['text/html'],
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
});
