/**
 * Vue single-file components and Svelte components keep their code in `<script>` blocks. The lint
 * sees the component with everything outside those blocks blanked out (spaces, line breaks kept), so
 * every line, column and offset of a finding or a fix is the component's own: nothing to map back.
 */

/** File extensions of components whose `<script>` blocks are linted. */
export const COMPONENT_EXTENSIONS = ['vue', 'svelte'] as const;

export interface ComponentScripts {
  /** The component text with everything outside `<script>` blocks replaced by spaces. */
  readonly text: string;
  /** A block says `lang="ts"` (or `typescript`): the blocks are parsed as TypeScript. */
  readonly typescript: boolean;
  /** Zero-based line of the first line inside the first block (where a file-wide directive goes). */
  readonly firstLine: number | undefined;
}

const SCRIPT_BLOCK = /<script(\s[^>]*)?>([^]*?)<\/script\s*>/gi;

export function isComponentFile(name: string): boolean {
  return /\.(vue|svelte)$/i.test(name);
}

export function componentScripts(text: string): ComponentScripts {
  const kept: [number, number][] = [];
  let typescript = false;
  for (const match of text.matchAll(SCRIPT_BLOCK)) {
    const attributes = match[1] ?? '';
    if (/\blang\s*=\s*["']?(ts|typescript)\b/i.test(attributes)) typescript = true;
    const start = (match.index ?? 0) + match[0].indexOf('>') + 1;
    kept.push([start, start + (match[2] ?? '').length]);
  }
  let blanked = '';
  let position = 0;
  for (const [start, end] of kept) {
    blanked += blank(text.slice(position, start)) + text.slice(start, end);
    position = end;
  }
  blanked += blank(text.slice(position));
  const first = kept[0];
  const firstLine = first === undefined ? undefined : lineAfterTag(text, first[0]);
  return { text: blanked, typescript, firstLine };
}

/** Spaces for every character but line breaks. */
function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

/** The line after the one an opening tag ends on (`<script setup>` is normally alone on its line). */
function lineAfterTag(text: string, contentStart: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < contentStart; i = text.indexOf('\n', i + 1)) line++;
  return text.slice(contentStart).startsWith('\n') || text.slice(contentStart).startsWith('\r') ? line + 1 : line;
}
