/** Lints TypeScript `text` (as `service.ts`) with the real ESLint `Linter` and every keepalive rule at `error`. */
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from '../../src/index';

export function lintWithAllRules(text: string): Linter.LintMessage[] {
  return new Linter({ configType: 'flat' }).verify(
    text,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as never, sourceType: 'module' },
        plugins: { keepalive: plugin as never },
        rules: {
          'keepalive/no-client-per-request': 'error',
          'keepalive/no-unconsumed-body': 'error',
          'keepalive/no-disabled-keepalive': 'error',
        },
      },
    ],
    'service.ts',
  );
}
