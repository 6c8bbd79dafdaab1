// Colour for terminal output only: plain text when stdout is not a TTY or NO_COLOR is set.
import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

export function useColour(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb';
}

export function paint(style: Style, text: string, enabled = useColour()): string {
  return enabled ? styleText(style, text) : text;
}

/** Red "-" lines, green "+" lines, cyan hunk headers, bold file headers. */
export function paintDiff(diff: string, enabled = useColour()): string {
  if (!enabled) return diff;
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return styleText('bold', line);
      if (line.startsWith('@@')) return styleText('cyan', line);
      if (line.startsWith('+')) return styleText('green', line);
      if (line.startsWith('-')) return styleText('red', line);
      return line;
    })
    .join('\n');
}
