/**
 * One call to the Anthropic Messages API (POST {baseUrl}/v1/messages), for the optional LLM
 * explanation. Never throws: every failure — timeout, refused key, rate limit, server error, no
 * network, an answer of the wrong shape — comes back as a message that says what to do. The key
 * is sent only in the x-api-key header and is scrubbed from every message, whatever produced it.
 */
export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';
export const ANTHROPIC_VERSION = '2023-06-01';

export interface MessagesRequest {
  apiKey: string;
  model: string;
  /** The user turn. */
  content: string;
  maxTokens?: number;
  /** Default https://api.anthropic.com; tests pass a local server. */
  baseUrl?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export type MessagesResult = { ok: true; text: string; model: string } | { ok: false; message: string };

export const DEFAULT_LLM_TIMEOUT_MS = 30_000;

export async function createMessage(request: MessagesRequest): Promise<MessagesResult> {
  const baseUrl = (request.baseUrl ?? ANTHROPIC_BASE_URL).replace(/\/+$/, '');
  const timeoutMs = request.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS;
  const doFetch = request.fetch ?? fetch;
  const fail = (message: string): MessagesResult => ({ ok: false, message: redact(message, request.apiKey) });
  let response: Response;
  try {
    response = await doFetch(`${baseUrl}/v1/messages`, {
      method: 'POST',
      headers: {
        'x-api-key': request.apiKey,
        'anthropic-version': ANTHROPIC_VERSION,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        model: request.model,
        max_tokens: request.maxTokens ?? 600,
        messages: [{ role: 'user', content: request.content }],
      }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
      return fail(`The LLM did not answer within ${Math.round(timeoutMs / 1000)} s; try again later.`);
    return fail(`Could not reach ${hostOf(baseUrl)} (${networkReason(error)}); check the network or proxy.`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) return fail(statusMessage(response, apiErrorMessage(body)));
  const text = firstText(body);
  if (text === undefined) return fail('The LLM answered in an unexpected shape (no text in content[0]).');
  const model = isRecord(body) && typeof body.model === 'string' ? body.model : request.model;
  return { ok: true, text: redact(text, request.apiKey), model };
}

function statusMessage(response: Response, detail: string | undefined): string {
  const said = detail ? ` It said: ${detail}` : '';
  const status = response.status;
  if (status === 401)
    return `The Anthropic API refused the API key (401).${said} Check the key in Settings → LLM explanations.`;
  if (status === 403)
    return `The API key may not use this model (403).${said} Check the model name or the key's permissions.`;
  if (status === 404)
    return `The model was not found (404).${said} Check the model name in Settings → LLM explanations.`;
  if (status === 429) {
    const retry = response.headers.get('retry-after');
    return `The Anthropic API is rate limiting requests (429).${said} Try again${retry ? ` in ${retry} s` : ' later'}.`;
  }
  if (status === 529 || status >= 500)
    return `The Anthropic API had a server error (${status}).${said} Try again later.`;
  return `The Anthropic API rejected the request (${status}).${said}`;
}

function apiErrorMessage(body: unknown): string | undefined {
  if (!isRecord(body) || !isRecord(body.error)) return undefined;
  const message = body.error.message;
  return typeof message === 'string' ? message.slice(0, 300) : undefined;
}

function firstText(body: unknown): string | undefined {
  if (!isRecord(body) || !Array.isArray(body.content)) return undefined;
  const first: unknown = body.content[0];
  if (!isRecord(first) || typeof first.text !== 'string' || first.text.trim() === '') return undefined;
  return first.text;
}

function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  return error instanceof Error ? error.message : 'network error';
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Removes the key from text meant for people and logs. */
export function redact(text: string, apiKey: string): string {
  return apiKey === '' ? text : text.split(apiKey).join('[key]');
}
