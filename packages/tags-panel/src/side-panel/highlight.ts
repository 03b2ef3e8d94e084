/** A piece of text, and whether it matches the search term. */
export interface TextPart {
  text: string;
  match: boolean;
}

/**
 * Splits `text` into matching and other parts for highlighting `term`,
 * case-insensitively, left to right, without overlaps. The parts are
 * rendered as text nodes (never markup), so backend strings stay inert.
 */
export function highlight(text: string, term: string): TextPart[] {
  const needle = term.toLowerCase();
  if (!needle || !text) return text ? [{ text, match: false }] : [];
  const { folded, offsets } = fold(text);
  const original = (i: number) => (offsets ? offsets[i]! : i);
  const parts: TextPart[] = [];
  let from = 0;
  let at = folded.indexOf(needle);
  while (at !== -1) {
    const start = original(at);
    const end = original(at + needle.length);
    if (start > from) parts.push({ text: text.slice(from, start), match: false });
    if (end > start) parts.push({ text: text.slice(start, end), match: true });
    from = end;
    at = folded.indexOf(needle, at + needle.length);
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}

/**
 * Lower-cases `text` and maps each position of the result back to `text`.
 * A few characters change length when lower-cased (`İ` → `i̇`), so offsets
 * in the folded text are not always offsets in the original; `offsets` is
 * null when they are.
 */
function fold(text: string): { folded: string; offsets: number[] | null } {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return { folded: lower, offsets: null };
  let folded = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    const low = char.toLowerCase();
    for (let k = 0; k < low.length; k++) offsets.push(i);
    folded += low;
    i += char.length;
  }
  offsets.push(text.length);
  return { folded, offsets };
}

