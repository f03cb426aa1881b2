/**
 * pdfkit's built-in Helvetica writes WinAnsi (Windows-1252) text only: a character outside it
 * comes out as a wrong glyph ("500m → 250m" printed "500m ! 250m"). Every string bound for the
 * PDF passes through here; the few symbols reports use get ASCII stand-ins, anything else a '?'.
 * (HTML, CSV and JSON keep the text as it is.)
 */
const standIns: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '≥': '>=',
  '≤': '<=',
  '≈': '~',
  '−': '-',
  '✓': 'yes',
  '✗': 'no',
};

/** The printable characters Windows-1252 adds in 0x80–0x9f, beside Latin-1. */
const cp1252Extras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function inWinAnsi(char: string): boolean {
  return (char.codePointAt(0) ?? 0) <= 0xff || cp1252Extras.has(char);
}

export function pdfText(text: string): string {
  let out = '';
  for (const char of text) out += inWinAnsi(char) ? char : (standIns[char] ?? '?');
  return out;
}
