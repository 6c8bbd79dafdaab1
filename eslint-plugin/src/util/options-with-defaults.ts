/**
 * A rule's options with its defaults filled in, as typescript-eslint's `applyDefault` does: each
 * option the user gave replaces the default at its position, and an object option is merged deeply
 * into an object default. Neither argument is changed.
 */
export function optionsWithDefaults<Options extends readonly unknown[]>(
  defaults: Readonly<Options>,
  given: readonly unknown[] | undefined,
): Options {
  const options = structuredClone(defaults) as unknown as unknown[];
  if (!given) return options as unknown as Options;
  options.forEach((fallback, index) => {
    const value = given[index];
    if (value === undefined) return;
    options[index] = isPlainObject(value) && isPlainObject(fallback) ? deepMerge(fallback, value) : value;
  });
  return options as unknown as Options;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(first: Record<string, unknown>, second: Record<string, unknown>): Record<string, unknown> {
  const keys = new Set([...Object.keys(first), ...Object.keys(second)]);
  return Object.fromEntries(
    [...keys].map((key) => {
      const a = first[key];
      const b = second[key];
      if (key in first && key in second) return [key, isPlainObject(a) && isPlainObject(b) ? deepMerge(a, b) : b];
      return [key, key in first ? a : b];
    }),
  );
}
