import { ApiException } from '@kubernetes/client-node';
import { printableServer } from './printable-server.ts';

/** Network error codes worth naming, with what the user can do about each. */
const networkAdvice: Record<string, string> = {
  ECONNREFUSED: 'connection refused. Check that the cluster is running and that the server address is right.',
  ENOTFOUND: 'the host name does not resolve. Check the server address, your DNS or VPN.',
  EAI_AGAIN: 'the host name could not be resolved right now. Check your network, DNS or VPN.',
  ETIMEDOUT: 'the connection timed out. Check your network, VPN or firewall.',
  ECONNRESET: 'the connection was reset. The server or a proxy dropped it; Foresight will retry.',
  EHOSTUNREACH: 'the host is unreachable. Check your network or VPN.',
  ENETUNREACH: 'the network is unreachable. Check your network or VPN.',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server certificate is self-signed and not trusted by the kubeconfig.',
  SELF_SIGNED_CERT_IN_CHAIN: 'the server certificate chain is not trusted by the kubeconfig.',
  CERT_HAS_EXPIRED: 'the server certificate has expired.',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server certificate does not match the server address.',
};

function findCode(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== 'object' || depth > 3) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.length > 0) return code;
  return findCode((error as { cause?: unknown }).cause, depth + 1);
}

function statusMessage(body: unknown): string | undefined {
  const text = typeof body === 'string' ? body : undefined;
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message : undefined;
  } catch {
    return text.slice(0, 200);
  }
}

export interface ClusterProblem {
  /**
   * `unreachable`: no answer at all; `refused`: the server answered no (401/403); `syncing`: the
   * first list is still arriving (a large cluster); `error`: anything else.
   */
  kind: 'unreachable' | 'refused' | 'syncing' | 'error';
  status?: number;
  message: string;
}

/** Turns whatever client-node threw into one sentence an operator can act on. */
export function describeClusterError(error: unknown, rawServer: string, what: string): ClusterProblem {
  const server = printableServer(rawServer);
  // Already described where it happened (a mirror that cannot list or watch).
  if (error instanceof Error && 'problem' in error && isProblem((error as { problem: unknown }).problem)) {
    return (error as { problem: ClusterProblem }).problem;
  }
  if (error instanceof ApiException) {
    const detail = statusMessage(error.body);
    if (error.code === 401) {
      return {
        kind: 'refused',
        status: 401,
        message: `${server} rejected the credentials (401 Unauthorized) while ${what}. Refresh the token or log in again, then retry.`,
      };
    }
    if (error.code === 403) {
      return {
        kind: 'refused',
        status: 403,
        message: `Forbidden (403) while ${what}${detail ? `: ${detail}` : ''}. Ask for RBAC permission, or pick another context.`,
      };
    }
    return {
      kind: 'error',
      status: error.code,
      message: `${server} answered ${error.code} while ${what}${detail ? `: ${detail}` : ''}.`,
    };
  }
  const code = findCode(error);
  const advice = code ? networkAdvice[code] : undefined;
  if (advice) return { kind: 'unreachable', message: `Cannot reach ${server}: ${advice}` };
  const text = error instanceof Error ? error.message : String(error);
  return { kind: 'unreachable', message: `Cannot reach ${server} while ${what}: ${text}` };
}

function isProblem(value: unknown): value is ClusterProblem {
  return !!value && typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string';
}
