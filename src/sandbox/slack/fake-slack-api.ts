// The fake Slack Web API: a real HTTP server on 127.0.0.1 that answers the methods Watchkeeper uses,
// records every call, refuses what Slack refuses (with Slack's error names) and injects faults on demand.
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallRecorder, type CallPredicate } from './call-recorder.js';
import { FaultQueue } from './faults.js';
import { isRecord } from './block-kit-elements.js';
import { decodeArgs, readBody, tokenOf } from './http-body.js';
import { MessageStore, type StoredMessage } from './message-store.js';
import { chatMethods } from './methods/chat.js';
import type { MethodContext, MethodHandler } from './methods/context.js';
import { directoryMethods } from './methods/directory.js';
import { viewMethods } from './methods/views.js';
import { failure, faultAnswer, send, succeed, type Answer } from './answers.js';
import {
  ResponseUrlRefusal,
  ResponseUrls,
  applyResponse,
  type ResponseContext,
} from './response-urls.js';
import { TriggerIds } from './trigger-ids.js';
import { SlackMethodError, type Fault, type RecordedCall, type SlackArgs } from './types.js';
import { ViewStore } from './view-store.js';
import { applyViewSubmissionAck } from './view-submission.js';
import {
  Workspace,
  defaultBotIdentity,
  type BotIdentity,
  type FakeChannel,
  type FakeUser,
  type FakeUserGroup,
} from './workspace.js';

export interface FakeSlackOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The only bot token accepted; by default any `xoxb-` token is. */
  botToken?: string;
  bot?: Partial<BotIdentity>;
  /** Known channels; when given, every other channel is answered with `channel_not_found`. */
  channels?: Array<FakeChannel | string>;
  users?: FakeUser[];
  userGroups?: FakeUserGroup[];
  /** The clock behind message timestamps, `at` and response URL expiry (default: Date.now). */
  now?: () => number;
}

const methods = new Map<string, MethodHandler>(
  Object.entries({ ...chatMethods, ...directoryMethods, ...viewMethods }),
);

export class FakeSlackApi extends EventEmitter<{ call: [RecordedCall] }> {
  readonly workspace: Workspace;
  readonly messages: MessageStore;
  readonly views = new ViewStore();
  private readonly triggers = new TriggerIds();
  private readonly faults = new FaultQueue();
  private readonly responseUrls: ResponseUrls;
  private readonly recorder = new CallRecorder((call) => this.emit('call', call));
  private readonly now: () => number;
  private originUrl = '';

  private constructor(
    private readonly options: FakeSlackOptions,
    private readonly server: Server,
  ) {
    super();
    this.now = options.now ?? Date.now;
    const bot = { ...defaultBotIdentity, ...options.bot };
    this.workspace = new Workspace(bot, options.channels !== undefined);
    for (const channel of options.channels ?? []) this.workspace.addChannel(channel);
    for (const user of options.users ?? []) this.workspace.addUser(user);
    for (const group of options.userGroups ?? []) this.workspace.addUserGroup(group);
    this.messages = new MessageStore(this.now);
    this.responseUrls = new ResponseUrls(this.now);
  }

  static async start(options: FakeSlackOptions = {}): Promise<FakeSlackApi> {
    const server = createServer();
    const fake = new FakeSlackApi(options, server);
    server.on('request', (request, response) => void fake.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    fake.originUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return fake;
  }

  /** The base URL for the Web API client (`slackApiUrl`, SLACK_API_URL), ending in `/api/`. */
  get url(): string {
    return `${this.originUrl}/api/`;
  }

  get origin(): string {
    return this.originUrl;
  }

  get calls(): readonly RecordedCall[] {
    return this.recorder.calls;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Calls the fake refused by its own checks (not injected faults): tests expect none. */
  rejections(): RecordedCall[] {
    return this.calls.filter((call) => !call.ok && call.fault === undefined);
  }

  /** The first matching call since the last `clearCalls()`, already recorded or still to come. */
  waitForCall(
    method: string,
    predicate: CallPredicate = () => true,
    timeoutMs = 5000,
  ): Promise<RecordedCall> {
    return this.recorder.waitFor(method, predicate, timeoutMs);
  }

  clearCalls(): void {
    this.recorder.clear();
  }

  /** Makes the next `count` calls of `method` ('*' for any, 'response_url' too) fail with `fault`. */
  failNext(method: string, fault: Fault, count = 1): void {
    this.faults.add(method, fault, count);
  }

  /** A new response URL on this server for an interaction that happened in `context`. */
  responseUrl(context: ResponseContext = {}): string {
    return `${this.originUrl}/response/${this.responseUrls.create(context)}`;
  }

  /** A trigger id for an interaction by `userId`; views.open accepts it once. */
  issueTriggerId(userId: string): string {
    return this.triggers.issue(userId);
  }

  addUser(user: FakeUser): void {
    this.workspace.addUser(user);
  }

  addChannel(channel: FakeChannel | string): void {
    this.workspace.addChannel(channel);
  }

  addUserGroup(group: FakeUserGroup): void {
    this.workspace.addUserGroup(group);
  }

  messagesIn(channel: string): StoredMessage[] {
    return this.messages.messagesIn(channel);
  }

  /** A message typed by a person (e.g. a reply in a status-log thread), stored as Slack would. */
  postAsUser(message: { channel: string; user: string; text: string; threadTs?: string }) {
    return this.messages.post({ ...message });
  }

  /**
   * Shows the body an app acknowledged a slash command or button with, as Slack does (ephemeral
   * unless `response_type: 'in_channel'`), recorded as method `ack` with the same limits enforced.
   */
  acknowledge(context: ResponseContext, body: SlackArgs): RecordedCall {
    const answer = this.guard(() =>
      applyResponse(body, context, this.messages, this.workspace.bot),
    );
    return this.record('ack', body, undefined, answer);
  }

  /** Applies the app's answer to a view_submission of modal `viewId`, recorded as method `ack`. */
  acknowledgeViewSubmission(viewId: string, body: unknown): RecordedCall {
    const answer = this.guard(() => {
      const submitted = this.views.byId(viewId);
      if (!submitted) throw new SlackMethodError('not_found');
      return applyViewSubmissionAck(this.views, submitted, body);
    });
    return this.record('ack', isRecord(body) ? body : {}, undefined, answer);
  }

  /** Forgets calls, faults, messages, views, trigger ids and response URLs; keeps the directory. */
  reset(): void {
    this.recorder.clear();
    this.faults.clear();
    this.messages.clear();
    this.views.clear();
    this.triggers.clear();
    this.responseUrls.clear();
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private get context(): MethodContext {
    const { workspace, messages, views, triggers } = this;
    return { workspace, messages, views, triggers };
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const url = new URL(request.url ?? '/', this.originUrl);
      const decoded = decodeArgs(await readBody(request), request.headers['content-type']);
      let call: RecordedCall;
      if (url.pathname.startsWith('/api/')) {
        const args = decoded && { ...Object.fromEntries(url.searchParams), ...decoded };
        const method = url.pathname.slice('/api/'.length);
        call = this.callMethod(method, args, request.headers.authorization);
      } else if (url.pathname.startsWith('/response/')) {
        call = this.callResponseUrl(url.pathname.slice('/response/'.length), decoded);
      } else {
        send(response, 404, { ok: false, error: 'not_found' });
        return;
      }
      const fault = call.fault;
      const headers: Record<string, string> =
        fault && 'retryAfterSeconds' in fault
          ? { 'retry-after': String(fault.retryAfterSeconds) }
          : {};
      send(response, call.httpStatus, call.response, headers);
    } catch (error) {
      send(response, 500, { ok: false, error: 'internal_error', detail: String(error) });
    }
  }

  private callMethod(
    method: string,
    decoded: SlackArgs | undefined,
    authorization: string | undefined,
  ): RecordedCall {
    const args = { ...decoded };
    const token = tokenOf(authorization, args);
    delete args.token;
    return this.record(method, args, token, this.answerMethod(method, decoded && args, token));
  }

  /** Checks in order: an injected fault, the body, the method name, the token; then the method. */
  private answerMethod(method: string, args: SlackArgs | undefined, token?: string): Answer {
    const fault = this.faults.take(method);
    if (fault) return faultAnswer(fault);
    if (!args) return failure('invalid_json');
    const handler = methods.get(method);
    if (!handler) return failure('unknown_method');
    const authError = this.authError(token);
    if (authError) return failure(authError);
    return this.guard(() => handler(args, this.context));
  }

  private callResponseUrl(id: string, body: SlackArgs | undefined): RecordedCall {
    const fault = this.faults.take('response_url');
    let answer: Answer;
    if (fault) answer = faultAnswer(fault);
    else if (!body) answer = failure('invalid_payload', [], 400);
    else {
      answer = this.guard(() => {
        const context = this.responseUrls.use(id);
        return applyResponse(body, context, this.messages, this.workspace.bot);
      }, 400);
    }
    return this.record('response_url', body ?? {}, undefined, answer);
  }

  private guard(run: () => Record<string, unknown>, errorStatus = 200): Answer {
    try {
      return succeed(run());
    } catch (error) {
      if (error instanceof ResponseUrlRefusal) return failure(error.code, [], 404);
      if (error instanceof SlackMethodError) return failure(error.code, error.details, errorStatus);
      throw error;
    }
  }

  private authError(token: string | undefined): string | undefined {
    if (token === undefined) return 'not_authed';
    const valid = this.options.botToken
      ? token === this.options.botToken
      : token.startsWith('xoxb-');
    return valid ? undefined : 'invalid_auth';
  }

  private record(method: string, args: SlackArgs, token: string | undefined, answer: Answer) {
    return this.recorder.record({ method, args, token, at: new Date(this.now()), ...answer });
  }
}
