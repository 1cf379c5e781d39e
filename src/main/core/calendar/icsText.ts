/**
 * RFC 5545 text: TEXT values escaped (backslash, semicolon, comma, newlines; other control
 * characters dropped) and content lines folded at 75 octets without splitting a UTF-8 sequence.
 * ical-generator folds through `new TextEncoder().encode` once per character, far too slow at
 * 10,000 items; this folder counts octets from UTF-16 code units instead.
 */

// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NEEDS_ESCAPE = /[\\;,\r\n\x00-\x08\x0b-\x1f\x7f]/
// eslint-disable-next-line no-control-regex -- as above
const ESCAPED = /\r\n|[\\;,\r\n\x00-\x08\x0b-\x1f\x7f]/g

/** A TEXT value (RFC 5545 §3.3.11). Control characters other than tab are not allowed: dropped. */
export function escapeText(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value
  return value.replace(ESCAPED, (match) => {
    if (match === '\r\n' || match === '\n' || match === '\r') return '\\n'
    if (match === '\\' || match === ';' || match === ',') return `\\${match}`
    return ''
  })
}

/** A whole content line with a TEXT value, folded, CRLF at the end. */
export function textLine(name: string, value: string): string {
  return foldLine(`${name}:${escapeText(value)}`) + '\r\n'
}

/** As `textLine`, or nothing for an empty value. */
export function optionalText(name: string, value: string): string {
  return value === '' ? '' : textLine(name, value)
}

const MAX_OCTETS = 75
// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL
const ASCII = /^[\x00-\x7f]*$/

/**
 * Folds one content line (no CRLF inside) so that no physical line exceeds 75 octets of UTF-8,
 * continuation lines starting with a space (RFC 5545 §3.1). Octets are counted from UTF-16 code
 * units, so nothing is encoded; a surrogate pair (4 octets) is never split.
 */
export function foldLine(line: string): string {
  // A UTF-16 unit is at most 3 octets: 25 units always fit.
  if (line.length <= MAX_OCTETS / 3) return line
  if (ASCII.test(line)) {
    if (line.length <= MAX_OCTETS) return line
    let out = line.slice(0, MAX_OCTETS)
    for (let at = MAX_OCTETS; at < line.length; at += MAX_OCTETS - 1) {
      out += '\r\n ' + line.slice(at, at + MAX_OCTETS - 1)
    }
    return out
  }
  let out = ''
  let start = 0
  let octets = 0
  for (let i = 0; i < line.length; i += 1) {
    const code = line.charCodeAt(i)
    let size = code < 0x80 ? 1 : code < 0x800 ? 2 : 3
    let units = 1
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < line.length) {
      const next = line.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        size = 4
        units = 2
      }
    }
    // A lone surrogate is written as U+FFFD: 3 octets, as counted.
    if (octets + size > MAX_OCTETS) {
      out += line.slice(start, i) + '\r\n '
      start = i
      octets = 1
    }
    octets += size
    i += units - 1
  }
  return out + line.slice(start)
}
