/** One answer of a service: status and parsed JSON body. */
export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** What the client saw on the way: how many requests had to be sent again. */
export interface RetryTally {
  retries: number;
}

const GIVE_UP_MS = 5 * 60_000;
/** How long an action may stay "still running" (202) before the suite calls it lost. */
const STILL_RUNNING_GIVE_UP_MS = 5 * 60_000;
const PAUSE_MS = 250;

/** Gateway-style answers and a dependency that is down right now: worth sending again, unchanged. */
function transient(status: number): boolean {
  return status === 0 || status === 429 || status >= 500;
}

/**
 * Sends a request the way an agency's integration does: when the service does not answer, or answers that it
 * (or something behind it) is unavailable, the very same request — same body, same request id — goes again
 * until an answer comes that is not transient. Any other answer is returned to the caller to judge.
 */
export async function sendUntilAnswered<T = Record<string, unknown>>(
  tally: RetryTally,
  send: () => Promise<Response>,
  what: string,
  /** Aborted when the run has failed: a request still being retried then stops instead of outliving the run. */
  run?: AbortSignal,
): Promise<Answer<T>> {
  const deadline = Date.now() + GIVE_UP_MS;
  let last = 'no answer';
  for (;;) {
    run?.throwIfAborted();
    let status = 0;
    let body: unknown = {};
    try {
      const response = await send();
      status = response.status;
      const text = await response.text();
      body = text ? JSON.parse(text) : {};
      last = `${status} ${text.slice(0, 300)}`;
    } catch (error) {
      last = error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error);
    }
    if (!transient(status)) return { status, body: body as T };
    if (Date.now() > deadline) throw new Error(`${what}: still no answer after ${GIVE_UP_MS} ms (${last})`);
    tally.retries += 1;
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
}

/**
 * A JSON client of one service carrying one credential (and `headers` on its JSON calls, e.g. the officers an
 * agency system names); every call retries as sendUntilAnswered does.
 */
export class AgencyClient {
  constructor(
    private readonly baseUrl: () => string,
    private readonly token: string,
    private readonly tally: RetryTally,
    private readonly headers: Record<string, string> = {},
    /** The run's: aborted once it has failed, which ends every call still retrying. */
    private readonly run?: AbortSignal,
  ) {}

  /**
   * One call, retried while the answer is transient. An action the case has not finished in time is answered
   * 202 with a Location: the client asks there (retrying the same way) until the action's own answer comes.
   */
  async request<T = Record<string, unknown>>(
    method: string,
    route: string,
    body?: unknown,
  ): Promise<Answer<T>> {
    const send = (verb: string, path: string, payload?: unknown) =>
      sendUntilAnswered<T>(
        this.tally,
        () =>
          fetch(this.baseUrl() + path, {
            method: verb,
            headers: {
              ...this.headers,
              authorization: `Bearer ${this.token}`,
              'content-type': 'application/json',
            },
            body: payload === undefined ? undefined : JSON.stringify(payload),
            signal: this.signal(),
          }),
        `${verb} ${path}`,
        this.run,
      );
    let answer = await send(method, route, body);
    const deadline = Date.now() + STILL_RUNNING_GIVE_UP_MS;
    while (answer.status === 202 && codeOf(answer) === 'ACTION_STILL_RUNNING') {
      if (Date.now() > deadline)
        throw new Error(`${method} ${route}: still running after ${STILL_RUNNING_GIVE_UP_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      answer = await send('GET', (answer.body as { location: string }).location);
      // The action never reached the workflow (an update Temporal admitted is held in its server's memory until
      // the workflow takes it; a server restart drops it): sent again, as the answer says, with the same request id.
      if (answer.status === 404 && codeOf(answer) === 'ACTION_NOT_FOUND') {
        this.tally.retries += 1;
        answer = await send(method, route, body);
      }
    }
    return answer;
  }

  /** A call whose answer must be 2xx; anything else fails the suite, naming the answer. */
  async ok<T = Record<string, unknown>>(method: string, route: string, body?: unknown): Promise<T> {
    const answer = await this.request<T>(method, route, body);
    if (answer.status >= 300)
      throw new Error(`${method} ${route} → ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** A multipart upload (fields before the file, as the evidence service wants), retried the same way. */
  upload<T = Record<string, unknown>>(
    route: string,
    fields: Record<string, string>,
    file: { name: string; type: string; content: Buffer },
  ): Promise<Answer<T>> {
    return sendUntilAnswered<T>(
      this.tally,
      () => {
        const form = new FormData();
        for (const [name, value] of Object.entries(fields)) form.append(name, value);
        form.append('file', new Blob([file.content], { type: file.type }), file.name);
        return fetch(this.baseUrl() + route, {
          method: 'POST',
          headers: { authorization: `Bearer ${this.token}` },
          body: form,
          signal: this.signal(),
        });
      },
      `upload ${route}`,
      this.run,
    );
  }

  /** One request's: it gives up after 30 s, or at once when the run has failed. */
  private signal(): AbortSignal {
    const timeout = AbortSignal.timeout(30_000);
    return this.run ? AbortSignal.any([timeout, this.run]) : timeout;
  }
}

/** Polls `read` until `accept` holds; the suite's only waits are on states the system must reach. */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  timeoutMs = 5 * 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 2000)}`);
}

function codeOf(answer: Answer<unknown>): string | undefined {
  return (answer.body as { code?: string } | undefined)?.code;
}
