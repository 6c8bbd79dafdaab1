/**
 * @typescript-eslint/rule-tester, wired to node:test (by default it looks for mocha's globals).
 * Rule tests import RuleTester from here.
 */
import { after, describe, it } from 'node:test';
import { RuleTester } from '@typescript-eslint/rule-tester';

RuleTester.afterAll = after;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export { RuleTester };
