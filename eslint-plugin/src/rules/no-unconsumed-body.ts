/**
 * no-unconsumed-body: an HTTP response whose body can be abandoned unread keeps (or, with
 * `destroy()`, closes) its socket instead of returning it to the pool.
 *
 * The reasoning lives in analysis/body-paths/ (unread-bodies.ts wires it together: which calls
 * produce a response, where it is held, which paths leave it unread, what would release it); this
 * file holds the options, the messages and the reporting.
 */
import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { BodyFinding, ReleaseSuggestion } from '../analysis/body-paths/body-findings';
import { moduleSourceHint } from '../analysis/body-paths/module-source-hint';
import { unreadBodyListeners } from '../analysis/body-paths/unread-bodies';
import { importedSpecifiers, moduleSummariesOf, type ModuleSummaries } from '../analysis/modules';
import { exportSpecSchema, type ExportSpec } from '../analysis/imports/export-spec';
import { RESPONSE_SOURCES, type ResponseClient, type ResponseSourceSpec } from '../analysis/libraries/response-sources';
import { readSharedSettings } from '../analysis/settings';
import { createRule } from '../util/create-rule';

export type CustomSourceReturns = 'fetch-response' | 'undici-response';

export interface CustomResponseSource {
  readonly function: ExportSpec;
  readonly returns: CustomSourceReturns;
}

export type Options = [
  {
    consumingHelpers: ExportSpec[];
    responseSources: CustomResponseSource[];
  },
];

export type MessageIds =
  | 'unconsumedOnPath'
  | 'neverConsumed'
  | 'neverConsumedInResult'
  | 'replacedUnread'
  | 'retriedUnread'
  | 'discarded'
  | 'destroyedUnread'
  | 'helperThrows'
  | 'requestEndedUnread'
  | 'helperExitsUnread'
  | 'collectedUnread'
  | 'raceLosersUnread'
  | 'suggestResume'
  | 'suggestDump'
  | 'suggestCancel'
  | 'suggestRead'
  | 'suggestResumeInsteadOfDestroy';

export const CLIENT_LABEL: Readonly<Record<ResponseClient, string>> = {
  'node-http': 'node:http',
  fetch: 'fetch',
  'node-fetch': 'node-fetch',
  undici: 'undici request()',
  'axios-stream': "axios (responseType 'stream')",
  'got-stream': 'got.stream()',
};

/** What an unread body costs, per client (measured on Node 20; see docs/library-facts.md). */
export const CONSEQUENCE: Readonly<Record<ResponseClient, string>> = {
  'node-http':
    'An unread node:http response holds its socket whatever its size, so the connection never returns to the pool and the next request pays a new TCP+TLS handshake.',
  'axios-stream':
    'An unread node:http response stream holds its socket whatever its size, so the connection never returns to the pool and the next request pays a new TCP+TLS handshake.',
  'got-stream':
    'An unread node:http response stream holds its socket whatever its size, so the connection never returns to the pool and the next request pays a new TCP+TLS handshake.',
  fetch:
    'A small body is buffered and its socket usually returns to the pool, but a body larger than the stream buffers (~64 KiB) pins the connection until garbage collection, so the next request pays a new TCP+TLS handshake.',
  'node-fetch':
    'A small body is buffered and its socket usually returns to the pool, but a body larger than the stream buffers pins the connection until garbage collection, so the next request pays a new TCP+TLS handshake.',
  undici:
    'A small body is buffered and its socket usually returns to the pool, but a body larger than the stream buffers (~64 KiB) pins the connection until garbage collection, so the next request pays a new TCP+TLS handshake.',
};

const customSourceSchema: JSONSchema4 = {
  type: 'object',
  description: 'A function of your own (or of a package) that returns a response the caller must read.',
  properties: {
    function: { ...exportSpecSchema, description: 'The function, as a package export or a global.' },
    returns: {
      type: 'string',
      enum: ['fetch-response', 'undici-response'],
      description:
        "What its promise resolves to: a WHATWG Response ('fetch-response') or undici's { statusCode, headers, body } ('undici-response').",
    },
  },
  required: ['function', 'returns'],
  additionalProperties: false,
};

export default createRule<Options, MessageIds>({
  name: 'no-unconsumed-body',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require every HTTP response body to be read, drained or handed off on every path, so its socket returns to the pool',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      unconsumedOnPath:
        'The body of this {{client}} response{{origin}} is not read or released on the path that leaves at line {{line}}. {{consequence}} Read or release it before that exit.',
      neverConsumed:
        'The body of this {{client}} response{{origin}} is never read or released (only its status or headers are used; the function leaves at line {{line}}). {{consequence}}',
      neverConsumedInResult:
        'The body of this {{client}} response{{origin}} is never read or released: the response only goes into field `{{field}}` of the object passed to `resolve()`, no code in this file reads `.{{field}}`, and the object\'s other fields already carry its status or headers (the function leaves at line {{line}}). {{consequence}} Drain it here.',
      replacedUnread:
        'This {{client}} response{{origin}} is replaced at line {{line}} before its body was read or released. {{consequence}} Release the body before reassigning the variable.',
      retriedUnread:
        'The body of this {{client}} response{{origin}} is not read or released before the loop requests again (line {{line}}): the retry abandons it. {{consequence}} Read or release it before retrying.',
      discarded:
        'The body of this {{client}} response{{origin}} is never read or released: the response is discarded. {{consequence}}',
      helperThrows:
        'The body of this {{client}} response{{origin}} is not read or released when `{{helper}}()` throws at line {{line}}: the helper only looks at the status or headers. {{consequence}} Read or release the body before throwing, in the helper or in a `finally` here.',
      requestEndedUnread:
        'The body of this {{client}} response{{origin}} is not read or released when `{{helper}}()` ends the request at line {{line}}: it throws, so nothing after it runs. {{consequence}} Read or release the body before calling it.',
      helperExitsUnread:
        'The body of this {{client}} response{{origin}} is not read or released when `{{helper}}()` leaves early: its `{{exit}}` at line {{line}}{{file}} runs on a test of the response\'s status or headers, before the helper reads the body. {{consequence}} Release the body before that `{{exit}}` in the helper, or here when the helper gives up.',
      collectedUnread:
        'The bodies of these {{client}} responses{{origin}} are never read or released: only their status or headers are used. {{consequence}} Read or cancel each body.',
      raceLosersUnread:
        'The {{client}} responses that lose this race are never read or released. {{consequence}} Abort the losing requests (one AbortController signal, aborted after the race) or read their bodies.',
      destroyedUnread:
        '`{{name}}.destroy()` runs before the body was read, so the socket is closed instead of being returned to the pool and the next request pays a new TCP+TLS handshake. Drain the body instead (`{{drain}}`) when the connection should be reused.',
      suggestResume: 'Drain the response with `{{code}}`{{where}} so the socket returns to the pool.',
      suggestDump:
        'Drain the body with `{{code}}`{{where}}, so the socket returns to the pool (dump() reads up to 128 KiB and closes the socket for a larger body; pass `{ limit }` to drain more).',
      suggestRead:
        'Read the body with `{{code}}`{{where}}, so the connection returns to the pool (the right choice for small bodies such as error responses).',
      suggestCancel:
        'Cancel the body with `{{code}}`{{where}}: frees the socket without downloading the rest, but closes the connection unless the body already arrived.',
      suggestResumeInsteadOfDestroy: 'Drain the body with `{{name}}.resume()` instead of destroying the connection.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          consumingHelpers: {
            type: 'array',
            description:
              'Functions that read or release a response body given to them (merged with settings.keepalive.consumingHelpers).',
            items: exportSpecSchema,
          },
          responseSources: {
            type: 'array',
            description: 'Extra functions whose result is a response that must be read or released.',
            items: customSourceSchema,
          },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ consumingHelpers: [], responseSources: [] }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const settings = readSharedSettings(context);
    const sources: ResponseSourceSpec[] = [
      ...RESPONSE_SOURCES,
      ...options.responseSources.map(
        (custom): ResponseSourceSpec => ({
          function: custom.function,
          client: custom.returns === 'undici-response' ? 'undici' : 'fetch',
          delivery: 'promise',
          holder: custom.returns,
        }),
      ),
    ];
    const consumingHelpers = [...options.consumingHelpers, ...settings.consumingHelpers];
    const reported = new Set<unknown>();
    let summaries: ModuleSummaries | undefined | null = null;
    const optionsKey =
      options.responseSources.length + consumingHelpers.length > 0 ? JSON.stringify([options.responseSources, consumingHelpers]) : '';
    const sourceHint = moduleSourceHint(sources, optionsKey);
    return unreadBodyListeners({
      sourceCode,
      namesClient: (text) => sourceHint.mentions(text, importedSpecifiers(text)),
      sources,
      consumingHelpers,
      imports: {
        summaries: () => (summaries === null ? (summaries = moduleSummariesOf(context)) : summaries),
        optionsKey,
        describeFile: (file) => describeFile(file, context.cwd, context.filename),
      },
      onFinding(finding) {
        if (reported.has(finding.node)) return;
        reported.add(finding.node);
        context.report({
          node: finding.node,
          messageId: finding.kind === 'never-consumed' && finding.resultField !== undefined ? 'neverConsumedInResult' : MESSAGE_OF_FINDING[finding.kind],
          data: messageData(finding),
          suggest: finding.kind === 'destroyed-unread' || 'suggestions' in finding ? finding.suggestions.map(suggestion) : [],
        });
      },
    });
  },
});

// ---- reporting -------------------------------------------------------------------------------------

const MESSAGE_OF_FINDING: Readonly<Record<BodyFinding['kind'], MessageIds>> = {
  'unconsumed-on-path': 'unconsumedOnPath',
  'never-consumed': 'neverConsumed',
  'replaced-unread': 'replacedUnread',
  'retried-unread': 'retriedUnread',
  discarded: 'discarded',
  'destroyed-unread': 'destroyedUnread',
  'helper-throws': 'helperThrows',
  'request-ended-unread': 'requestEndedUnread',
  'helper-exits-unread': 'helperExitsUnread',
  'collected-unread': 'collectedUnread',
  'race-losers-unread': 'raceLosersUnread',
};

const MESSAGE_OF_SUGGESTION: Readonly<Record<ReleaseSuggestion['kind'], MessageIds>> = {
  resume: 'suggestResume',
  dump: 'suggestDump',
  cancel: 'suggestCancel',
  read: 'suggestRead',
  'resume-instead-of-destroy': 'suggestResumeInsteadOfDestroy',
};

function messageData(finding: BodyFinding): Record<string, string | number> {
  if (finding.kind === 'destroyed-unread') return { name: finding.name, drain: finding.drain };
  const data: Record<string, string | number> = {
    client: CLIENT_LABEL[finding.client],
    consequence: CONSEQUENCE[finding.client],
    origin: finding.origin ? ` ${finding.origin}` : '',
  };
  if ('line' in finding) data.line = finding.line;
  if (finding.kind === 'helper-throws' || finding.kind === 'request-ended-unread') data.helper = finding.helper;
  if (finding.kind === 'helper-exits-unread') {
    data.helper = finding.helper;
    data.exit = finding.exit;
    data.file = finding.file === undefined ? '' : ` of ${finding.file}`;
  }
  if (finding.kind === 'never-consumed' && finding.resultField !== undefined) data.field = finding.resultField;
  return data;
}

function suggestion(release: ReleaseSuggestion): TSESLint.SuggestionReportDescriptor<MessageIds> {
  const where = release.at ? ` ${release.at}` : release.places ? ` at each of the ${release.places} places that leave it unread` : '';
  return { messageId: MESSAGE_OF_SUGGESTION[release.kind], data: { name: release.name, code: release.code, where }, fix: release.fix };
}

/** A module's path for messages: relative to the working directory, or to the linted file. */
function describeFile(file: string, cwd: string, lintedFile: string): string {
  const fromCwd = path.relative(cwd, file);
  const relative = fromCwd.startsWith('..') || path.isAbsolute(fromCwd) ? path.relative(path.dirname(lintedFile), file) : fromCwd;
  return relative.split(path.sep).join('/');
}
