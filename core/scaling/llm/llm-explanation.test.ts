import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScalingAdviceInfo } from '../../contract/scaling.ts';
import { explainWithLlm } from './llm-explanation.ts';

// The Anthropic Messages API cannot be reached from here (no internet), so these tests talk to a
// local HTTP server that answers in the Messages API's documented shape. It is a stand-in for
// api.anthropic.com, not a mock of Foresight's own parts: the client, the prompt, the fallback
// and the redaction under test are the real ones.

const key = 'sk-ant-api03-TEST-KEY-do-not-leak';

const advice = {
  workload: 'shop/frontend',
  kind: 'Deployment',
  confidence: 'medium',
  recommendations: [
    {
      kind: 'predictive-replicas',
      confidence: 'medium',
      explanation:
        "The forecast's upper bound over the next hours needs 7 pods at 80% of the CPU request; 5 run now. Scale to 7 before the load arrives.",
    },
    {
      kind: 'right-size',
      confidence: 'high',
      explanation:
        'CPU at the 95th percentile + 15% is 120m. Lowering the CPU request by 40% saves about 12.5 USD a month.',
    },
  ],
} as unknown as ScalingAdviceInfo;

interface Seen {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage['headers'];
  body: unknown;
}

type Answer = (res: ServerResponse, seen: Seen) => void;

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function messagesApi(answer: Answer): Promise<{ baseUrl: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const entry = {
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: JSON.parse(raw) as unknown,
      };
      seen.push(entry);
      answer(res, entry);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

const apiError = (type: string, message: string) => ({ type: 'error', error: { type, message } });

describe('explainWithLlm', () => {
  it('posts the plain facts to /v1/messages with the documented headers and body, and reads content[0].text', async () => {
    const api = await messagesApi((res) =>
      json(res, 200, {
        id: 'msg_1',
        type: 'message',
        role: 'assistant',
        model: 'claude-sonnet-4-5-20250929',
        content: [{ type: 'text', text: 'Scale frontend to 7 pods before the load comes; 5 run now.' }],
        stop_reason: 'end_turn',
      }),
    );
    const result = await explainWithLlm(advice, {
      enabled: true,
      model: 'claude-sonnet-4-5',
      apiKey: key,
      baseUrl: api.baseUrl,
    });
    expect(api.seen).toHaveLength(1);
    const [request] = api.seen;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/messages');
    expect(request?.headers['x-api-key']).toBe(key);
    expect(request?.headers['anthropic-version']).toBe('2023-06-01');
    expect(request?.headers['content-type']).toBe('application/json');
    const body = request?.body as {
      model: string;
      max_tokens: number;
      messages: { role: string; content: string }[];
    };
    expect(Object.keys(body).sort()).toEqual(['max_tokens', 'messages', 'model']);
    expect(body.model).toBe('claude-sonnet-4-5');
    expect(body.max_tokens).toBeGreaterThan(0);
    expect(body.messages).toHaveLength(1);
    expect(body.messages[0]?.role).toBe('user');
    // The same facts as the plain explanation, word for word, and no key.
    for (const line of result.plain) expect(body.messages[0]?.content).toContain(line);
    expect(body.messages[0]?.content).not.toContain(key);
    expect(result).toMatchObject({
      status: 'written',
      text: 'Scale frontend to 7 pods before the load comes; 5 run now.',
      model: 'claude-sonnet-4-5-20250929',
      message: null,
      unverifiedNumbers: [],
    });
    expect(result.plain).toHaveLength(2);
  });

  it('flags numbers the LLM wrote that are not in the facts', async () => {
    const api = await messagesApi((res) =>
      json(res, 200, { content: [{ type: 'text', text: 'Scale to 7 pods (saves 18 USD, 30% less).' }] }),
    );
    const result = await explainWithLlm(advice, {
      enabled: true,
      model: 'm',
      apiKey: key,
      baseUrl: api.baseUrl,
    });
    expect(result.status).toBe('written');
    expect(result.unverifiedNumbers).toEqual(['18', '30']);
  });

  it('is off by default and then asks nothing; without a key it asks nothing either', async () => {
    const api = await messagesApi((res) => json(res, 200, { content: [{ type: 'text', text: 'x' }] }));
    const off = await explainWithLlm(advice, {
      enabled: false,
      model: 'm',
      apiKey: key,
      baseUrl: api.baseUrl,
    });
    expect(off).toMatchObject({ status: 'off', text: null });
    expect(off.message).toMatch(/Settings → LLM explanations/);
    expect(off.plain).toHaveLength(2);
    const noKey = await explainWithLlm(advice, {
      enabled: true,
      model: 'm',
      apiKey: undefined,
      baseUrl: api.baseUrl,
    });
    expect(noKey).toMatchObject({ status: 'no-key', text: null });
    expect(api.seen).toHaveLength(0);
  });

  const failures: [string, Answer, RegExp][] = [
    [
      '401 (a refused key, echoed back by the server)',
      (res, seen) =>
        json(
          res,
          401,
          apiError('authentication_error', `invalid x-api-key ${String(seen.headers['x-api-key'])}`),
        ),
      /refused the API key \(401\).*Check the key in Settings/,
    ],
    [
      '429 with Retry-After',
      (res) =>
        json(res, 429, apiError('rate_limit_error', 'Number of requests has exceeded your rate limit'), {
          'retry-after': '20',
        }),
      /rate limiting requests \(429\).*Try again in 20 s/,
    ],
    [
      '500',
      (res) => json(res, 500, apiError('api_error', 'Internal server error')),
      /server error \(500\).*Try again later/,
    ],
    [
      '529 overloaded',
      (res) => json(res, 529, apiError('overloaded_error', 'Overloaded')),
      /server error \(529\)/,
    ],
    [
      '404 for an unknown model',
      (res) => json(res, 404, apiError('not_found_error', 'model: claude-nope')),
      /model was not found \(404\).*model name/,
    ],
    ['an answer without text', (res) => json(res, 200, { content: [] }), /unexpected shape/],
    [
      'a body that is not JSON',
      (res) => res.writeHead(502).end('<html>bad gateway</html>'),
      /server error \(502\)/,
    ],
    ['a timeout', () => undefined, /did not answer within 1 s/],
  ];

  it.each(failures)(
    'a failure (%s) says what to do, keeps the plain explanation and never shows the key',
    async (_name, answer, message) => {
      const api = await messagesApi(answer);
      const result = await explainWithLlm(advice, {
        enabled: true,
        model: 'claude-sonnet-4-5',
        apiKey: key,
        baseUrl: api.baseUrl,
        timeoutMs: 1_000,
      });
      expect(result.status).toBe('failed');
      expect(result.text).toBeNull();
      expect(result.message).toMatch(message);
      expect(result.message).toMatch(/plain explanation is shown instead/);
      expect(result.plain).toHaveLength(2);
      expect(JSON.stringify(result)).not.toContain(key);
    },
  );

  it('no network: a clear message, no crash, no key', async () => {
    const api = await messagesApi(() => undefined);
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
    const result = await explainWithLlm(advice, {
      enabled: true,
      model: 'm',
      apiKey: key,
      baseUrl: api.baseUrl,
    });
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(
      /Could not reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\); check the network or proxy/,
    );
    expect(JSON.stringify(result)).not.toContain(key);
  });
});
