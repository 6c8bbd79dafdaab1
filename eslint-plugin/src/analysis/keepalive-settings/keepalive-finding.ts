/**
 * What no-disabled-keepalive reports: one setting that switches connection reuse off, where it is
 * written, and what removing or changing it means. The analysis modules in this folder produce
 * these; the rule turns them into messages and suggestions.
 */
import type { TSESTree } from '@typescript-eslint/utils';

/** An agent built without `keepAlive: true` (its default is off). */
export interface MissingKeepAlive {
  readonly kind: 'agentWithoutKeepAlive' | 'proxyAgentWithoutKeepAlive';
  readonly node: TSESTree.NewExpression | TSESTree.CallExpression;
  /** The constructor as written (`https.Agent`), for the message. */
  readonly name: string;
  /** `'+TLS'` when every candidate constructor is https's. */
  readonly tls: string;
  /** The options literal to add `keepAlive: true` to; undefined when no options are written. */
  readonly options: TSESTree.ObjectExpression | undefined;
  /**
   * Options built elsewhere in the file (options-from-callers.ts): the literal each call of the
   * function builds for its parameter, or each literal the class assigns to its private `field`
   * (`this.agentOptions`). `keepAlive: true` belongs in each of them.
   */
  readonly builtElsewhere?: { readonly literals: readonly TSESTree.ObjectExpression[]; readonly field?: string };
}

/** `keepAlive: false` written out in agent options. */
export interface KeepAliveFalse {
  readonly kind: 'agentKeepAliveFalse';
  readonly property: TSESTree.Property;
  readonly name: string;
  readonly tls: string;
}

/** A setting whose removal restores reuse: `agent: false`, `Connection: close`, `pipelining: 0`. */
export interface RemovableSetting {
  readonly kind: 'agentFalse' | 'connectionClose' | 'pipeliningZero';
  /** Where to report. */
  readonly at: TSESTree.Node | TSESTree.SourceLocation;
  /** What the suggestion removes: an object property, or a source range (a call, a statement); none when removal is not clean. */
  readonly remove: TSESTree.Property | TSESTree.Range | undefined;
}

/** A reverse proxy built without an agent: it falls back to `agent: false` and `Connection: close`. */
export interface ProxyWithoutAgent {
  readonly kind: 'proxyWithoutAgent';
  readonly node: TSESTree.CallExpression;
  /** The factory as written (`httpProxy.createProxyServer()`), for the message. */
  readonly name: string;
  /** `'+TLS'` when the target is written as an `https:` URL. */
  readonly tls: string;
}

export type KeepAliveFinding = MissingKeepAlive | KeepAliveFalse | RemovableSetting | ProxyWithoutAgent;
