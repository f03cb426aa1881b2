import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import yaml from 'js-yaml';

/** The names the demo cluster goes by in a kubeconfig (and so in the app's context picker). */
export const DEMO_CLUSTER_NAME = 'foresight-demo';
export const DEMO_USER_NAME = 'foresight-demo-admin';
export const DEMO_CONTEXT_NAME = 'foresight-demo';
/** A second context with read-only credentials, to see what RBAC refusals look like. */
export const DEMO_VIEWER_USER_NAME = 'foresight-demo-viewer';
export const DEMO_VIEWER_CONTEXT_NAME = 'foresight-demo-viewer';

export interface DemoKubeconfigInput {
  url: string;
  /** The admin user's token (the current context). */
  token: string;
  /** The viewer's token; without it the kubeconfig has the admin context only. */
  viewerToken?: string;
  /** The server's certificate (its own CA). Required for kubectl: see certificate.ts. */
  caCertPem?: string;
}

/**
 * A kubeconfig for the demo server. With a CA the client verifies the server's certificate;
 * without one (a plain-http URL) `insecure-skip-tls-verify` is set, because client-node 1.x
 * insists on TLS settings even for http. The two cannot be combined: kubectl refuses a CA
 * together with the insecure flag.
 */
export function demoKubeconfigYaml({ url, token, viewerToken, caCertPem }: DemoKubeconfigInput): string {
  const cluster =
    caCertPem === undefined
      ? { server: url, 'insecure-skip-tls-verify': true }
      : { server: url, 'certificate-authority-data': Buffer.from(caCertPem).toString('base64') };
  return yaml.dump(
    {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: DEMO_CLUSTER_NAME, cluster }],
      users: [
        { name: DEMO_USER_NAME, user: { token } },
        ...(viewerToken === undefined ? [] : [{ name: DEMO_VIEWER_USER_NAME, user: { token: viewerToken } }]),
      ],
      contexts: [
        {
          name: DEMO_CONTEXT_NAME,
          context: { cluster: DEMO_CLUSTER_NAME, user: DEMO_USER_NAME, namespace: 'default' },
        },
        ...(viewerToken === undefined
          ? []
          : [
              {
                name: DEMO_VIEWER_CONTEXT_NAME,
                context: { cluster: DEMO_CLUSTER_NAME, user: DEMO_VIEWER_USER_NAME, namespace: 'default' },
              },
            ]),
      ],
      'current-context': DEMO_CONTEXT_NAME,
      preferences: {},
    },
    { lineWidth: -1, noRefs: true },
  );
}

/** Writes the file readable by its owner only (it holds a token), creating folders as needed. */
export async function writeKubeconfigFile(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content, { mode: 0o600 });
  // `mode` applies only when the file is created; an existing file keeps its old mode otherwise.
  await chmod(path, 0o600);
}
